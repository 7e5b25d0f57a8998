#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What scripts and runbooks read: the streams, and the error views, in which no personal number appears.
# Run by `dotnet test` (PesterSuiteTests), which starts the emulator; the header is tests/Support/SignupSuite.ps1.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/SignupSuite.ps1')
}


Describe 'Streams, as scripts and runbooks use them' {
    BeforeAll { $script:context = Connect-Dintero @connect -PassThru }
    AfterEach { Clear-EmulatorFault }

    It 'writes the request lines when $VerbosePreference is set inside a function, not only with -Verbose' {
        function Read-Setting { $VerbosePreference = 'Continue'; Get-DinteroAccountSetting }
        $records = Read-Setting 4>&1
        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose.Message | Should -Match "^GET /v1/accounts/$accountId/management/settings -> 200 OK"
        @(Get-DinteroAccountSetting 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
    }

    It 'writes the debug lines when $DebugPreference is set inside a script block' {
        $records = & { $DebugPreference = 'Continue'; Get-DinteroAccountSetting } 5>&1
        (@($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n") | Should -Match 'response headers'
    }

    It 'writes the retry warning while the retry waits, not after the call has finished' {
        Add-EmulatorFault @{ method = 'GET'; path = '/v1/accounts/*/management/settings'; status = 429; retryAfterSeconds = 4; times = 1 }
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($module, $context) Import-Module $module; Get-DinteroAccountSetting -Context $context }).AddArgument($module).AddArgument($context)
        $handle = $shell.BeginInvoke()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        while ($shell.Streams.Warning.Count -eq 0 -and -not $handle.IsCompleted -and $watch.Elapsed.TotalSeconds -lt 20) { Start-Sleep -Milliseconds 50 }
        $warnedWhileRunning = $shell.Streams.Warning.Count -gt 0 -and -not $handle.IsCompleted
        $result = $shell.EndInvoke($handle)
        $shell.Dispose()
        $warnedWhileRunning | Should -BeTrue
        @($result).Count | Should -Be 1
    }
}

Describe 'Personal numbers in the error views' {
    BeforeAll {
        Connect-Dintero @connect
        $script:views = @('NormalView', 'ConciseView', 'DetailedView') | Where-Object { $_ -ne 'DetailedView' -or $PSVersionTable.PSVersion.Major -ge 7 }
    }

    It 'never prints the row of a refused Import-Csv signup, in <_>' -ForEach @('NormalView', 'ConciseView') {
        $ErrorView = $_
        $csv = Join-Path $TestDrive 'personal.csv'
        @"
account_id,payment_options[0].type,payment_options[0].currencies,store_type,applicant.social_security_number,bank_accounts[0].account_number
$accountId,dintero.zero,NOK,onlin,$ssn,$bankAccount
"@ | Set-Content -Path $csv
        Import-Csv $csv | New-DinteroCommonConnection -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure | Should -HaveCount 1
        $text = $failure[0] | Out-String -Width 300
        $text | Should -Match 'store_type'
        $text | Should -Not -Match $ssn
        $text | Should -Not -Match $bankAccount
        $failure[0].CategoryInfo.TargetName | Should -Be "pipeline item 0, account $accountId"
        # The target is the row with its personal numbers masked (Get-Error prints ***), and piped back it binds as the row did.
        "$($failure[0].TargetObject.'applicant.social_security_number')" | Should -Be '***'
        $failure[0].TargetObject.'applicant.social_security_number'.GetPlainText() | Should -Be $ssn
        ($failure[0].TargetObject | ConvertTo-Json) | Should -Not -Match $ssn
    }

    It "never prints JSON text that Dintero refused, in <_>" -ForEach @('NormalView', 'ConciseView') {
        $ErrorView = $_
        $json = @{ payment_options = @(@{ type = 'dintero.zero'; currencies = @('NOK') }); store_type = 'online'; applicant = @{ social_security_number = $ssn }; bank_accounts = @(@{ account_number = $bankAccount }) } | ConvertTo-Json -Depth 5
        New-DinteroCommonConnection -Context $partnerContext -AccountId T00000002 -Signup $json -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Api.400.*'
        $text = $failure[0] | Out-String -Width 300
        $text | Should -Not -Match $ssn
        $text | Should -Not -Match $bankAccount
        $failure[0].CategoryInfo.ToString() | Should -Match 'account T00000002'
    }
}
