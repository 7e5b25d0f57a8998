#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Runs every ```powershell block of one document (README.md or a guide of docs/guides/, named by
# DINTERO_TEST_DOCUMENT), in order, against the emulator: the documents' examples are the ones tested.
# PesterSuiteTests runs this suite once per document that has such a block, each time in a fresh pwsh against a fresh
# emulator, so that a document starts where a reader who opens it starts: nothing connected, the emulator as started.
# A document's blocks build on one another (the connection, the files they write in the working folder, what the
# emulator holds). Blocks fenced as ```ps1 are illustrations that need Azure or a prompt, and are not run.
# Connection settings come from the DINTERO_* environment variables, as the README says; the emulator's
# standalone URL in a block (API, checkout API and /_emulator alike) is replaced by the URL of the emulator the test started.

BeforeDiscovery {
    $document = Get-Content $env:DINTERO_TEST_DOCUMENT -Raw
    $number = 0
    $script:examples = foreach ($match in [regex]::Matches($document, '(?s)```powershell\r?\n(.*?)```')) {
        $number++
        @{ Number = $number; Code = $match.Groups[1].Value; FirstLine = ($match.Groups[1].Value -split "`n")[0].Trim() }
    }
    # The document as the repository names it (README.md, docs/guides/signups.md), in the tests' names.
    $repository = Split-Path $PSScriptRoot
    $script:name = [IO.Path]::GetFullPath($env:DINTERO_TEST_DOCUMENT).Substring($repository.Length + 1).Replace('\', '/')
}

BeforeAll {
    # The emulator's demo partner, as the README says.
    $env:DINTERO_ACCOUNT_ID = 'T11200000'
    $env:DINTERO_CLIENT_ID = 'demo-partner'
    $env:DINTERO_CLIENT_SECRET = 'demo-partner-secret-change-me'
    $env:DINTERO_BASE_URI = $env:DINTERO_TEST_BASE_URI
    $env:DINTERO_CHECKOUT_BASE_URI = $env:DINTERO_TEST_CHECKOUT_BASE_URI
    # The module imported, nothing connected: the document's own blocks connect, as a reader's would.
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    Push-Location $TestDrive
}

AfterAll {
    Pop-Location
    Remove-Item env:DINTERO_ACCOUNT_ID, env:DINTERO_CLIENT_ID, env:DINTERO_CLIENT_SECRET, env:DINTERO_BASE_URI, env:DINTERO_CHECKOUT_BASE_URI -ErrorAction SilentlyContinue
}

Describe "The examples of $name" {
    It 'runs example <Number> (<FirstLine>) without errors' -ForEach $examples {
        $code = $Code.Replace('http://127.0.0.1:5080/v1', $env:DINTERO_TEST_BASE_URI.TrimEnd('/')).Replace('http://127.0.0.1:5080/checkout/v1', $env:DINTERO_TEST_CHECKOUT_BASE_URI.TrimEnd('/')).Replace('http://127.0.0.1:5080/', $env:DINTERO_TEST_EMULATOR)
        $ErrorActionPreference = 'Stop'
        $records = & ([scriptblock]::Create($code)) *>&1
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        ($records | Out-String) | Should -Not -Match 'demo-secret-change-me'
        ($records | Out-String) | Should -Not -Match 'demo-partner-secret-change-me'
    }
}
