#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Sheets: reading connections and settings, one master sheet piped into several cmdlets, and bulk work with
# several requests in flight.
# Run by `dotnet test` (PesterSuiteTests), which starts the emulator; the header is tests/Support/Suite.ps1.

BeforeAll {
    # These tests sign the same accounts up again and again, for what each shows; a re-run that skips existing
    # connections, the default, is tests/Reruns.Tests.ps1's.
    $PSDefaultParameterValues['New-Dintero*Connection:Force'] = $true
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
}


Describe 'Get-DinteroConnection and account settings' {
    BeforeAll {
        # The merchant's own Common connection, for the reads below.
        Connect-Dintero @connect
        $null = New-DinteroCommonConnection -Signup (New-Signup)
        Connect-Dintero @partner
    }

    It 'returns every kind the account has, and takes accounts by property name' {
        @(Get-DinteroConnection -AccountId $accountId).Count | Should -BeGreaterOrEqual 1
        ([pscustomobject]@{ account_id = $accountId } | Get-DinteroConnection -ConnectionType Common).account_id | Should -Be $accountId
    }

    It 'reports a missing connection of a named kind as ObjectNotFound, and skips it otherwise' {
        Get-DinteroConnection -AccountId T00000099 -ConnectionType Bambora -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-DinteroConnection -AccountId T00000099 -ErrorVariable none
        @($none).Count | Should -Be 0
    }

    It 'sets the organization number, keeps the rest, and then the Common signup is accepted' {
        $settings = Set-DinteroAccountSetting -AccountId T00000041 -OrganizationNumber 987654321 -PassThru
        $settings.company.organization_number | Should -Be '987654321'
        $settings.company.business_name | Should -Be 'Emulated Merchant AS'
        (Get-DinteroAccountSetting -AccountId T00000041).company.organization_number | Should -Be '987654321'
        (New-DinteroCommonConnection -AccountId T00000041 -Signup (New-Signup)).status | Should -Be 'pending'
    }

    It 'shows each kind''s status in the settings view, PayEx''s too (held under payex.creditcard)' {
        Set-DinteroAccountSetting -AccountId T00000043 -OrganizationNumber 912345678
        $null = New-DinteroPayExConnection -AccountId T00000043 -Signup @{ payment_options = @{ type = 'payex.creditcard'; currencies = 'NOK' } }
        $null = New-DinteroCommonConnection -AccountId T00000043 -Signup (New-Signup)
        $settings = Get-DinteroAccountSetting -AccountId T00000043
        $settings.connection_status.PayEx | Should -Be 'pending'
        $settings.connection_status.Common | Should -Be 'pending'
        $view = $settings | Format-List | Out-String -Width 200
        $view | Should -Match 'connection_status\s+:\s+Common: pending'
        $view | Should -Match 'PayEx: pending'
        (Get-DinteroConnection -AccountId T00000043 -ConnectionType PayEx).status | Should -Be 'pending'
    }

    It 'reports a mistyped -ConnectionType of a row as that row''s error, with the nearest kind' {
        $rows = @([pscustomobject]@{ account_id = $accountId; connection_type = 'Comon' }, [pscustomobject]@{ account_id = $accountId; connection_type = 'Common' })
        $read = $rows | Get-DinteroConnection -ErrorVariable failures -ErrorAction SilentlyContinue
        @($read).connection_type | Should -Be @('Common')
        $failures[0].ErrorDetails.Message | Should -Match "(?s)^Pipeline item 0: .*ConnectionType: 'Comon' is not a valid connection type; accepted: Common, Bambora, Collector, Instabank, PayEx, Swish, Vipps\. Did you mean 'Common'\?"
    }

    It 'changes nothing with -WhatIf' {
        $before = @(Get-EmulatorRequest PUT '*/management/settings').Count
        $before | Should -BeGreaterThan 0
        Set-DinteroAccountSetting -AccountId T00000042 -OrganizationNumber 111111111 -WhatIf
        @(Get-EmulatorRequest PUT '*/management/settings').Count | Should -Be $before
    }
}

Describe 'A master sheet piped into several cmdlets' {
    BeforeAll { Connect-Dintero @partner }

    It 'binds each cmdlet its own columns, ignores the others with one warning, and refuses typos' {
        $csv = Join-Path $TestDrive 'master.csv'
        @"
account_id,organization_number,notes,payment_options[0].type,payment_options[0].currencies,store_type
T00000051,912345678,first,dintero.zero,NOK,online
T00000052,923456789,second,dintero.zero,NOK,instore
"@ | Set-Content -Path $csv
        Import-Csv $csv | Set-DinteroAccountSetting -ErrorVariable settingErrors
        @($settingErrors).Count | Should -Be 0
        (Get-DinteroAccountSetting -AccountId T00000052).company.organization_number | Should -Be '923456789'

        $created = Import-Csv $csv | New-DinteroCommonConnection -ErrorVariable failures -WarningVariable warnings -WarningAction SilentlyContinue
        @($failures).Count | Should -Be 0
        $created.account_id | Should -Be @('T00000051', 'T00000052')
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Match "'organization_number', 'notes'"

        $typo = [pscustomobject]@{ account_id = 'T00000051'; 'payment_options[0].type' = 'dintero.zero'; stor_type = 'online' }
        $typo | New-DinteroCommonConnection -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].ErrorDetails.Message | Should -Match "signup.stor_type.*Did you mean 'store_type'"
    }
}

Describe 'Bulk onboarding: several requests in flight' {
    BeforeAll {
        $script:context = Connect-Dintero @partner -PassThru
        $script:bulkAccounts = 1..12 | ForEach-Object { 'T{0:D8}' -f (200 + $_) }
        $bulkAccounts | ForEach-Object { [pscustomobject]@{ account_id = $_; organization_number = '912345678' } } | Set-DinteroAccountSetting -ThrottleLimit 8
        function script:New-Sheet([string[]] $Accounts, [int[]] $BadRows) {
            $rows = for ($i = 0; $i -lt $Accounts.Count; $i++) {
                [pscustomobject]@{ account_id = $Accounts[$i]; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = $(if ($i -in $BadRows) { 'onlin' } else { 'online' }) }
            }
            $rows
        }
    }
    AfterEach { Clear-EmulatorFault }

    It 'keeps the input order and reports each bad row in its place with -ThrottleLimit 8' {
        # The first row's answer takes three seconds, the others 100 ms: it finishes last, and must still come out first.
        Add-EmulatorFault @{ method = 'POST'; path = "/v1/accounts/$($bulkAccounts[0])/management/settings/connections/common"; delayMilliseconds = 3000; times = -1 }
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/*/management/settings/connections/common'; delayMilliseconds = 100; times = -1 }
        $before = @(Get-EmulatorRequest POST '*/connections/common').Count

        $records = New-Sheet $bulkAccounts -BadRows 3, 7 | New-DinteroCommonConnection -ThrottleLimit 8 -ErrorAction Continue 2>&1

        $order = @($records | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "error $($_.CategoryInfo.TargetName)" } else { $_.account_id } })
        $expected = for ($i = 0; $i -lt $bulkAccounts.Count; $i++) { if ($i -in 3, 7) { "error pipeline item $i, account $($bulkAccounts[$i])" } else { $bulkAccounts[$i] } }
        $order | Should -Be $expected
        ($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).ErrorDetails.Message | Should -Match "^Pipeline item [37]: The Common signup is not valid"
        # In flight together: the eighth request reached Dintero before the first one (three seconds long) was answered.
        $sent = @(Get-EmulatorRequest POST '*/connections/common') | Select-Object -Skip $before
        $sent | Should -HaveCount 10
        ([DateTimeOffset]$sent[7].at - [DateTimeOffset]$sent[0].at).TotalMilliseconds | Should -BeLessThan 3000
    }

    It 'sends one request at a time with -ThrottleLimit 1' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/*/management/settings/connections/common'; delayMilliseconds = 300; times = -1 }
        $before = @(Get-EmulatorRequest POST '*/connections/common').Count
        $null = New-Sheet $bulkAccounts[0..2] | New-DinteroCommonConnection -ThrottleLimit 1
        $sent = @(Get-EmulatorRequest POST '*/connections/common') | Select-Object -Skip $before
        # The second waited for the first's 300 ms answer (less the timer's granularity); in parallel the gap would be ~0.
        ([DateTimeOffset]$sent[1].at - [DateTimeOffset]$sent[0].at).TotalMilliseconds | Should -BeGreaterOrEqual 280
    }

    It 'shows progress for pipeline input, and none under $ProgressPreference = SilentlyContinue' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/*/management/settings/connections/common'; delayMilliseconds = 150; times = -1 }
        $run = {
            param($module, $context, $rows, $preference)
            Import-Module $module
            $ProgressPreference = $preference
            # -Force in a runspace of its own, as $PSDefaultParameterValues gives it in this one.
            $rows | New-DinteroCommonConnection -Context $context -ThrottleLimit 2 -Force
        }
        $rows = New-Sheet $bulkAccounts[0..5]
        $shown = [powershell]::Create().AddScript($run).AddArgument($module).AddArgument($context).AddArgument($rows).AddArgument('Continue')
        @($shown.Invoke()).Count | Should -Be 6
        $records = @($shown.Streams.Progress)
        $records.Count | Should -BeGreaterThan 0
        $records[0].Activity | Should -Be 'Creating Common connections'
        $records[-1].RecordType | Should -Be 'Completed'
        $records[-1].StatusDescription | Should -Match '^6 done, 0 in flight, [\d.]+/s$'
        $hidden = [powershell]::Create().AddScript($run).AddArgument($module).AddArgument($context).AddArgument($rows).AddArgument('SilentlyContinue')
        @($hidden.Invoke()).Count | Should -Be 6
        @($hidden.Streams.Progress).Count | Should -Be 0
        $shown.Dispose(); $hidden.Dispose()
    }

    It 'stops a batch in flight within seconds when the pipeline is stopped, and sends nothing afterwards' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/*/management/settings/connections/common'; delayMilliseconds = 6000; times = -1 }
        $before = @(Get-EmulatorRequest POST '*/connections/common').Count
        $rows = New-Sheet ($bulkAccounts + $bulkAccounts + $bulkAccounts)
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($module, $context, $rows) Import-Module $module; $rows | New-DinteroCommonConnection -Context $context -ThrottleLimit 4 -Force }).AddArgument($module).AddArgument($context).AddArgument($rows)
        $handle = $shell.BeginInvoke()
        $wait = [Diagnostics.Stopwatch]::StartNew()
        while (@(Get-EmulatorRequest POST '*/connections/common').Count - $before -lt 4 -and $wait.Elapsed.TotalSeconds -lt 20) { Start-Sleep -Milliseconds 100 }
        @(Get-EmulatorRequest POST '*/connections/common').Count - $before | Should -Be 4 # four in flight, none answered yet

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        $handle.IsCompleted | Should -BeTrue
        Start-Sleep -Seconds 7 # longer than a request takes: a fifth request would have followed the first answer
        @(Get-EmulatorRequest POST '*/connections/common').Count - $before | Should -Be 4
        $shell.Dispose()
    }
}
