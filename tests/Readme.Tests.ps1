#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Runs every ```powershell block of README.md, in order, against the emulator: the README's examples are the
# ones tested. Blocks fenced as ```ps1 are illustrations that need Azure or a prompt, and are not run.
# Connection settings come from the DINTERO_* environment variables, as the README says; the emulator's
# standalone URL in the README (API, checkout API and /_emulator alike) is replaced by the URL of the emulator the test started.

BeforeDiscovery {
    $readme = Get-Content $env:DINTERO_TEST_README -Raw
    $number = 0
    $script:examples = foreach ($match in [regex]::Matches($readme, '(?s)```powershell\r?\n(.*?)```')) {
        $number++
        @{ Number = $number; Code = $match.Groups[1].Value; FirstLine = ($match.Groups[1].Value -split "`n")[0].Trim() }
    }
}

BeforeAll {
    # The emulator's demo partner, as the README says.
    $env:DINTERO_ACCOUNT_ID = 'T11200000'
    $env:DINTERO_CLIENT_ID = 'demo-partner'
    $env:DINTERO_CLIENT_SECRET = 'demo-partner-secret-change-me'
    $env:DINTERO_BASE_URI = $env:DINTERO_TEST_BASE_URI
    $env:DINTERO_CHECKOUT_BASE_URI = $env:DINTERO_TEST_CHECKOUT_BASE_URI
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    Push-Location $TestDrive
}

AfterAll {
    Pop-Location
    Remove-Item env:DINTERO_ACCOUNT_ID, env:DINTERO_CLIENT_ID, env:DINTERO_CLIENT_SECRET, env:DINTERO_BASE_URI, env:DINTERO_CHECKOUT_BASE_URI -ErrorAction SilentlyContinue
}

Describe 'README examples' {
    It 'has examples to run' {
        @($examples).Count | Should -BeGreaterOrEqual 4
    }

    It 'runs example <Number> (<FirstLine>) without errors' -ForEach $examples {
        $code = $Code.Replace('http://127.0.0.1:5080/v1', $env:DINTERO_TEST_BASE_URI.TrimEnd('/')).Replace('http://127.0.0.1:5080/checkout/v1', $env:DINTERO_TEST_CHECKOUT_BASE_URI.TrimEnd('/')).Replace('http://127.0.0.1:5080/', $env:DINTERO_TEST_EMULATOR)
        $ErrorActionPreference = 'Stop'
        $records = & ([scriptblock]::Create($code)) *>&1
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        ($records | Out-String) | Should -Not -Match 'demo-secret-change-me'
        ($records | Out-String) | Should -Not -Match 'demo-partner-secret-change-me'
    }
}
