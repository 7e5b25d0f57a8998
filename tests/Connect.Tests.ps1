#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Connecting and the session: Connect-Dintero's ways in (a client, a credential, the environment), wrong
# credentials, and contexts kept apart.
# Run by `dotnet test` (PesterSuiteTests), which starts the emulator; the header is tests/Support/Suite.ps1.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
}


Describe 'Connect-Dintero' {
    It 'connects with a client id and secret, and Get-DinteroContext shows the account' {
        $context = Connect-Dintero @connect -PassThru
        $context.AccountId | Should -Be $accountId
        $context.Environment | Should -Be 'Test'
        (Get-DinteroContext).ClientId | Should -Be $env:DINTERO_TEST_CLIENT_ID
        $context.TokenExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        ($context | Format-List * | Out-String) | Should -Not -Match $env:DINTERO_TEST_CLIENT_SECRET
    }

    It 'connects with a PSCredential' {
        $credential = [pscredential]::new($env:DINTERO_TEST_CLIENT_ID, $secret)
        (Connect-Dintero -AccountId $accountId -Credential $credential -BaseUri $env:DINTERO_TEST_BASE_URI -PassThru).AccountId | Should -Be $accountId
    }

    It 'connects from the environment variables when no credentials are given' {
        $env:DINTERO_ACCOUNT_ID = $accountId
        $env:DINTERO_CLIENT_ID = $env:DINTERO_TEST_CLIENT_ID
        $env:DINTERO_CLIENT_SECRET = $env:DINTERO_TEST_CLIENT_SECRET
        $env:DINTERO_BASE_URI = $env:DINTERO_TEST_BASE_URI
        try {
            (Connect-Dintero -PassThru).AccountId | Should -Be $accountId
        }
        finally {
            Remove-Item env:DINTERO_ACCOUNT_ID, env:DINTERO_CLIENT_ID, env:DINTERO_CLIENT_SECRET, env:DINTERO_BASE_URI
        }
    }

    It 'fails at once with wrong credentials, as an AuthenticationError that holds no secret' {
        $wrong = ConvertTo-SecureString 'Wrong-Secret-998877' -AsPlainText -Force
        $failure = $null
        try { Connect-Dintero -AccountId $accountId -ClientId $env:DINTERO_TEST_CLIENT_ID -ClientSecret $wrong -BaseUri $env:DINTERO_TEST_BASE_URI } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($failure | Format-List * -Force | Out-String) | Should -Not -Match 'Wrong-Secret-998877'
    }

    It 'refuses plain http to a host that is not loopback' {
        $remote = $connect.Clone()
        $remote.BaseUri = 'http://api.example.com/v1'
        { Connect-Dintero @remote } | Should -Throw '*https*'
    }
}

Describe 'Sessions' {
    It 'keeps one connection per runspace' {
        Connect-Dintero @connect
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($module) Import-Module $module; Get-DinteroContext }).AddArgument($module)
        @($shell.Invoke()).Count | Should -Be 0
        $shell.Dispose()
    }

    It 'passes a context explicitly with -Context, also into ForEach-Object -Parallel' -Skip:($PSVersionTable.PSVersion.Major -lt 7) {
        $context = Connect-Dintero @connect -PassThru
        $path = $module
        $settings = 1..2 | ForEach-Object -Parallel { Import-Module $using:path; Get-DinteroAccountSetting -Context $using:context }
        @($settings).Count | Should -Be 2
        $settings.account_id | Should -Be @($accountId, $accountId)
    }

    It 'says to connect again once disconnected, also for a context kept with -PassThru' {
        $context = Connect-Dintero @connect -PassThru
        Disconnect-Dintero
        { Get-DinteroConnection -ErrorAction Stop } | Should -Throw -ErrorId 'Dintero.NotConnected,*'
        { Get-DinteroConnection -Context $context -ErrorAction Stop } | Should -Throw -ErrorId 'Dintero.NotConnected,*'
    }
}
