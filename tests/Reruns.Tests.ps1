#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# A sheet run again: no second signup for a merchant that has one, one report of the run that Export-Csv writes and a
# later run takes back, nothing lost when a run is stopped, warnings that stay few on a long faulty run, doubtful
# values said; and the 100-merchant soak of bench/Soak.ps1. Run by `dotnet test` (PesterSuiteTests), against an
# emulator where partner T00000000 has the merchants T00000001 to T00000400.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    $script:signupPath = '/v1/accounts/*/management/settings/connections/common'

    Connect-Dintero @partner
}

Describe 'Running the same sheet again' {
    AfterEach { Clear-EmulatorFault }

    It 'skips the merchants whose connection exists, says which and why, and posts only the missing ones' {
        Initialize-Merchant (11..16)
        $created = 11..14 | ForEach-Object { New-Row $_ } | New-DinteroCommonConnection
        @($created).Count | Should -Be 4

        $again = 11..16 | ForEach-Object { New-Row $_ } | New-DinteroCommonConnection -ReportVariable report -WarningVariable warnings -WarningAction SilentlyContinue

        @($again).account_id | Should -Be @('T00000015', 'T00000016')
        11..16 | ForEach-Object { Get-StoredCount ('T{0:D8}' -f $_) } | Should -Be @(1, 1, 1, 1, 1, 1)
        @($report.outcome) | Should -Be @('Skipped', 'Skipped', 'Skipped', 'Skipped', 'Created', 'Created')
        $report[0].status | Should -Be 'pending'
        $report[0].message | Should -Be 'account T00000011 has a Common connection already (pending); -Force signs it up again'
        # The first skip as it happened, the others summed up: not a warning per row.
        $warnings | Should -HaveCount 2
        $warnings[0].Message | Should -Match 'Skipped: account T00000011 has a Common connection already \(pending\)'
        $warnings[1].Message | Should -Match 'Rows skipped because .*: 4 times in this command'
    }

    It 'signs up again a connection that failed, and with -Force one that is pending' {
        Initialize-Merchant (21, 22)
        $null = (New-Row 21), (New-Row 22) | New-DinteroCommonConnection
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/T00000021/connections/common/status" -ContentType 'application/json' -Body '{"status": "failed"}'

        $again = (New-Row 21), (New-Row 22) | New-DinteroCommonConnection -WarningAction SilentlyContinue
        $forced = New-Row 22 | New-DinteroCommonConnection -Force

        @($again).account_id | Should -Be 'T00000021'
        $forced.account_id | Should -Be 'T00000022'
        Get-StoredCount T00000021 | Should -Be 2
        Get-StoredCount T00000022 | Should -Be 2
    }

    It 'sends a merchant named twice in one sheet once' {
        Initialize-Merchant 25
        $created = (New-Row 25), (New-Row 25) | New-DinteroCommonConnection -ReportVariable report -WarningAction SilentlyContinue

        @($created).Count | Should -Be 1
        Get-StoredCount T00000025 | Should -Be 1
        $report[1].outcome | Should -Be 'Skipped'
        $report[1].message | Should -Match 'names account T00000025 more than once; pipeline item 0 sends'
    }

    It 'settles a signup whose answer was lost by reading it back, and does not send it again' {
        Initialize-Merchant 27
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000027/management/settings/connections/common'; drop = $true; afterProcessing = $true }

        $created = New-Row 27 | New-DinteroCommonConnection -ReportVariable report

        $created.status | Should -Be 'pending'
        $report[0].outcome | Should -Be 'Created'
        Get-StoredCount T00000027 | Should -Be 1
        @(Get-EmulatorLog | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/v1/accounts/T00000027/management/settings/connections/common' }).Count | Should -Be 1
    }
}

Describe 'Reading back only what proves this signup' {
    AfterEach { Clear-EmulatorFault }

    BeforeAll {
        function script:Get-StoredSignup([string] $AccountId) { (Invoke-RestMethod "$($emulator)_emulator/accounts/$AccountId/connections/common").signup }
        function script:New-VippsRow([int] $Number) {
            $row = New-Row $Number
            $row.'payment_options[0].type' = 'vipps'
            $row
        }
    }

    It 'does not call a forced re-signup Created when its POST failed and the old connection is all it finds' {
        Initialize-Merchant 91
        $null = New-Row 91 | New-DinteroCommonConnection
        # Dintero's timestamps are whole seconds: the second signup is sent over two seconds after the first was stored,
        # more than the read-back's slack (within it, a changed signup that fails is Unknown, not Failed).
        Start-Sleep -Milliseconds 2500
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000091/management/settings/connections/common'; status = 500 }

        $output = New-VippsRow 91 | New-DinteroCommonConnection -Force -ReportVariable report -ErrorVariable failures -ErrorAction SilentlyContinue

        $output | Should -BeNullOrEmpty
        $report[0].outcome | Should -Be 'Failed'
        $report[0].message | Should -Match 'found the connection as it was \(pending, its signup stored at .*\): this signup was not stored'
        $report[0].action | Should -Match '-Force'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Api.500*'
        (Get-StoredSignup T00000091).payment_options[0].type | Should -Be 'dintero.zero'
    }

    It 'calls a forced re-signup Created when its answer was lost after Dintero stored it' {
        Initialize-Merchant 92
        $null = New-Row 92 | New-DinteroCommonConnection
        Start-Sleep -Milliseconds 2500
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000092/management/settings/connections/common'; drop = $true; afterProcessing = $true }

        $created = New-VippsRow 92 | New-DinteroCommonConnection -Force -ReportVariable report

        $report[0].outcome | Should -Be 'Created'
        $report[0].message | Should -Match 'reading the Common connection back found this signup stored at'
        $created.signup.payment_options[0].type | Should -Be 'vipps'
        (Get-StoredSignup T00000092).payment_options[0].type | Should -Be 'vipps'
    }
}

Describe 'The plan of a run: -WhatIf' {
    It 'announces each row as the run would take it, and its report exports as a plan that a later run takes' {
        Initialize-Merchant (101..104)
        $null = (New-Row 101), (New-Row 102) | New-DinteroCommonConnection
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/T00000102/connections/common/status" -ContentType 'application/json' -Body '{"status": "enabled"}'
        $posts = @(Get-EmulatorLog | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/connections/common' }).Count
        $rows = (New-Row 101), (New-Row 102), (New-Row 103), (New-Row 104 -StoreType 'onlin'), (New-Row 103)

        $null = $rows | New-DinteroCommonConnection -WhatIf -ReportVariable plan -ErrorVariable refused -ErrorAction SilentlyContinue -InformationVariable summary
        # The host writes What if: lines outside the streams; a child pwsh's output shows them as a user sees them.
        $sheet = Join-Path $TestDrive 'plan-input.csv'
        $rows | Export-Csv $sheet -NoTypeInformation
        $text = Invoke-ChildPwsh -NoProfile -NonInteractive -Command "Import-Module '$env:DINTERO_TEST_MODULE'; `$s = ConvertTo-SecureString `$env:DINTERO_TEST_PARTNER_CLIENT_SECRET -AsPlainText -Force; Connect-Dintero -AccountId `$env:DINTERO_TEST_PARTNER_ID -ClientId `$env:DINTERO_TEST_PARTNER_CLIENT_ID -ClientSecret `$s -BaseUri `$env:DINTERO_TEST_BASE_URI; Import-Csv '$sheet' | New-DinteroCommonConnection -WhatIf -ErrorAction SilentlyContinue"

        @(Get-EmulatorLog | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/connections/common' }).Count | Should -Be $posts
        @($plan.outcome) | Should -Be @('WouldSkip', 'WouldSkip', 'WouldCreate', 'Failed', 'WouldSkip')
        $plan[0].message | Should -Match 'has a Common connection already \(pending\)'
        $plan[1].message | Should -Match '\(enabled\)'
        $plan[4].message | Should -Match 'pipeline item 2 sends'
        $refused | Should -HaveCount 1
        ($text -join "`n") | Should -Match 'What if: Performing the operation "Skip the Common signup: account T00000101 has a Common connection already \(pending\)'
        ($text -join "`n") | Should -Match 'What if: Performing the operation "Create the Common connection with payment options dintero.zero" on target "Dintero account T00000103'
        ($text -join "`n") | Should -Match 'What if: Performing the operation "Refuse pipeline item 3 as bad input \(1 problem'
        $summary[-1].MessageData.Message | Should -Match 'New-DinteroCommonConnection: 5 rows in .* s: WouldSkip 3, WouldCreate 1, Failed 1\.'
        $summary[-1].MessageData.Message | Should -Match ([regex]::Escape("To run the plan: `$plan | Where-Object outcome -eq 'WouldCreate' | New-DinteroCommonConnection -ReportVariable report"))

        # Exported, reviewed, run: only the rows the plan would create are sent.
        $file = Join-Path $TestDrive 'plan.csv'
        $plan | Export-Csv $file -NoTypeInformation
        $done = Import-Csv $file | Where-Object outcome -eq 'WouldCreate' | New-DinteroCommonConnection -ReportVariable ran

        @($done).account_id | Should -Be 'T00000103'
        @($ran.outcome) | Should -Be 'Created'
        Get-StoredCount T00000103 | Should -Be 1
    }
}

Describe 'The summary at the end of a run' {
    AfterEach { Clear-EmulatorFault }

    It 'counts the rows by outcome and by ErrorId in one Information record, and says how to go on' {
        Initialize-Merchant (111..114)
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000113/management/settings/connections/common'; status = 500 }
        $rows = (New-Row 111), (New-Row 112), (New-Row 113), (New-Row 114 -StoreType 'onlin')

        $null = $rows | New-DinteroCommonConnection -ReportVariable report -ErrorAction SilentlyContinue -InformationVariable information
        $single = New-Row 111 | New-DinteroCommonConnection -InformationVariable one -WarningAction SilentlyContinue

        $summary = @($information | Where-Object Tags -Contains 'Dintero.Summary')
        $summary | Should -HaveCount 1
        $summary[0].Tags | Should -Contain 'PSHOST'
        $summary[0].MessageData.Message | Should -Match '^New-DinteroCommonConnection: 4 rows in \d+\.\d s: Created 2, Failed 2\. Errors: Dintero\.Api\.500\.\S+ 1, Dintero\.ValidationFailed 1\.'
        $summary[0].MessageData.Message | Should -Match ([regex]::Escape("To go on with the rows still to do: `$report | Where-Object outcome -in 'Failed', 'Unknown', 'NotSent' | New-DinteroCommonConnection -ReportVariable report"))
        # One row says all with its own outcome: no summary.
        @($one | Where-Object Tags -Contains 'Dintero.Summary') | Should -HaveCount 0
        $single | Should -BeNullOrEmpty

        # The command it gives goes on from the report: the failed rows, and no other.
        $again = Invoke-Expression ($summary[0].MessageData.Message -replace '^.*To go on with the rows still to do: ', '') 2>$null
        @($again).account_id | Should -Be 'T00000113'
        @($report.outcome) | Should -Be @('Created', 'Failed')
    }

    It 'says what stopped a run that an error ended early, and how to go on' {
        $shell = [PowerShell]::Create()
        $null = $shell.AddScript({
            param($module, $baseUri, $rows)
            Import-Module $module
            # A merchant's client deleted at Dintero once connected: nothing can run, and the batch ends at its first row.
            Connect-Dintero -AccountId T00000001 -ClientId $env:DINTERO_TEST_CLIENT_ID -ClientSecret (ConvertTo-SecureString $env:DINTERO_TEST_CLIENT_SECRET -AsPlainText -Force) -BaseUri $baseUri
            Invoke-RestMethod -Method Post ($baseUri -replace 'v1/?$', '_emulator/revoke-tokens') | Out-Null
            Invoke-RestMethod -Method Post ($baseUri -replace 'v1/?$', "_emulator/clients/$($env:DINTERO_TEST_CLIENT_ID)/revoke") | Out-Null
            try { $rows | New-DinteroCommonConnection -InformationVariable information -ReportVariable report } catch { }
            $information | Where-Object Tags -Contains 'Dintero.Summary' | ForEach-Object { $_.MessageData.Message }
        }).AddArgument($env:DINTERO_TEST_MODULE).AddArgument($env:DINTERO_TEST_BASE_URI).AddArgument(@((New-Row 1), (New-Row 1)))
        $said = $shell.Invoke()
        $shell.Dispose()

        $said | Should -HaveCount 1
        $said[0] | Should -Match 'Stopped at pipeline item 0 by Dintero\.Access\.CredentialsRefused'
        $said[0] | Should -Match 'To go on'
    }
}

Describe 'The report of a run' {
    AfterEach { Clear-EmulatorFault }

    It 'has one row per input, and round-trips through Export-Csv and Import-Csv as the input of the rows still to do' {
        Initialize-Merchant (31..34)
        $null = New-Row 31 | New-DinteroCommonConnection
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000033/management/settings/connections/common'; status = 500 }
        $rows = (New-Row 31), (New-Row 32), (New-Row 33), (New-Row 34 -StoreType 'onlin')

        $null = $rows | New-DinteroCommonConnection -ReportVariable report -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $failures | Should -HaveCount 2
        @($report.outcome) | Should -Be @('Skipped', 'Created', 'Failed', 'Failed')
        @($report.account_id) | Should -Be @('T00000031', 'T00000032', 'T00000033', 'T00000034')
        $report[1].signature_link | Should -Match '^http'
        $report[2].error_id | Should -BeLike 'Dintero.Api.500*'
        $report[2].message | Should -Match 'found none: this signup was not stored'
        $report[2].action | Should -Be 'Run the same input again: it sends this signup.'
        $report[3].error_id | Should -Be 'Dintero.ValidationFailed'
        $report[3].message | Should -Match "signup.store_type\[0\].*Did you mean 'online'"
        $report[3].action | Should -Match 'nothing was sent'
        ($report | Format-Table | Out-String -Width 200) | Should -Match 'row\s+outcome\s+account_id\s+status\s+error_id'

        $csv = Join-Path $TestDrive 'report.csv'
        $report | Export-Csv $csv -NoTypeInformation
        $back = Import-Csv $csv
        @($back).Count | Should -Be 4
        foreach ($column in 'row', 'outcome', 'account_id', 'connection_type', 'status', 'error_id', 'payment_options[0].type', 'store_type') {
            @($back.$column) | Should -Be @($report | ForEach-Object { if ($null -eq $_.$column) { '' } else { "$($_.$column)" } }) -Because "column $column"
        }

        # The rows still to do, from the file, as the next run's input: the report's own columns bind or are left out quietly.
        $again = $back | Where-Object outcome -ne 'Created' | New-DinteroCommonConnection -ReportVariable report2 -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue

        @($again).account_id | Should -Be 'T00000033'
        @($report2.outcome) | Should -Be @('Skipped', 'Created', 'Failed')
        $warnings | Where-Object Message -Match 'Ignored the column' | Should -BeNullOrEmpty
        31..34 | ForEach-Object { Get-StoredCount ('T{0:D8}' -f $_) } | Should -Be @(1, 1, 1, 0)
    }

    It 'keeps the rows of a stopped run: every signup sent before the stop is in the report, and a run again finishes the rest' {
        Initialize-Merchant (41..52)
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; delayMilliseconds = 400; times = -1 }
        $rows = 41..52 | ForEach-Object { New-Row $_ }
        $shell = [powershell]::Create()
        # Not in a local scope: the report variable outlives the stopped pipeline, to be read from the runspace.
        $null = $shell.AddScript({
            param($module, $partner, $rows)
            Import-Module $module
            Connect-Dintero @partner
            $rows | New-DinteroCommonConnection -ThrottleLimit 2 -ReportVariable report
        }, $false).AddArgument($env:DINTERO_TEST_MODULE).AddArgument($partner).AddArgument($rows)
        $null = $shell.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ((41..52 | Where-Object { (Get-StoredCount ('T{0:D8}' -f $_)) -gt 0 }).Count -lt 4 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }

        $shell.Stop()
        $report = $shell.Runspace.SessionStateProxy.GetVariable('report')
        $shell.Dispose()

        $stored = @(41..52 | ForEach-Object { 'T{0:D8}' -f $_ } | Where-Object { (Get-StoredCount $_) -gt 0 })
        $stored.Count | Should -BeGreaterOrEqual 4
        $stored.Count | Should -BeLessThan 12
        $inReport = @($report | Where-Object outcome -in 'Created', 'Unknown' | ForEach-Object account_id)
        $stored | ForEach-Object { $inReport | Should -Contain $_ }
        @($report | Where-Object outcome -eq 'Unknown').error_id | ForEach-Object { $_ | Should -Be 'Dintero.Stopped' }

        $null = $rows | New-DinteroCommonConnection -WarningAction SilentlyContinue
        41..52 | ForEach-Object { Get-StoredCount ('T{0:D8}' -f $_) } | Should -Be (@(1) * 12)
    }
}

Describe 'Warnings on a long run' {
    AfterEach { Clear-EmulatorFault }

    It 'shows the first throttling wait and sums up the rest, instead of a warning per row' {
        Initialize-Merchant (61..70)
        # Retries enough that no row gives up under the eight 429s, however they fall.
        Connect-Dintero @partner -MaxRetries 10
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; status = 429; retryAfterSeconds = 0; times = 8 }

        $output = 61..70 | ForEach-Object { New-Row $_ } | New-DinteroCommonConnection -ThrottleLimit 2 -WarningVariable warnings -WarningAction SilentlyContinue -Verbose 4>&1
        Connect-Dintero @partner

        @($output | Where-Object { $_ -is [Dintero.Connections.Models.CommonConnection] }).Count | Should -Be 10
        $warnings | Should -HaveCount 2
        $warnings[0].Message | Should -Match 'Dintero answered 429; trying again'
        $warnings[1].Message | Should -Match 'Dintero limited the request rate \(429\).*: 8 times in this command'
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'answered 429' }).Count | Should -Be 7
    }

    It 'warns about doubtful values, naming the row and the field, and sends the signup as given' {
        Initialize-Merchant 71
        $row = New-Row 71
        $row | Add-Member 'signature.signatures[0].name' 'Ola Nordmann'
        $row | Add-Member 'signature.signatures[0].email' 'ola.example.com'
        $row | Add-Member 'verifications.payment_site_url' 'shop.example'

        $created = $row, (New-Row 72) | New-DinteroCommonConnection -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction SilentlyContinue

        $created[0].account_id | Should -Be 'T00000071'
        $doubts = @($warnings | Where-Object Message -Match 'Pipeline item 0')
        $doubts | Should -HaveCount 2
        $email = @($doubts | Where-Object Message -Match 'signatures\[0\].email')
        $email | Should -HaveCount 1
        $email[0].Message | Should -Match 'Pipeline item 0 \(account T00000071\): signup.signature.signatures\[0\].email: does not look like an e-mail address.*signing link'
        $email[0].Message | Should -Match 'Sent as given\.$'
        @($doubts | Where-Object Message -Match "signup.verifications.payment_site_url: 'shop.example' is not an absolute http\(s\) address") | Should -HaveCount 1
        ($warnings | Out-String) | Should -Not -Match 'ola\.example\.com'
    }
}

Describe 'The soak, 100 merchants under faults' {
    It 'loses no row and sends no signup twice, over a run, a run again from its report, and a stopped run' {
        $figures = & (Join-Path (Split-Path $PSScriptRoot) 'bench/Soak.ps1') -Merchants 100 -PassThru

        $figures.DuplicatePosts | Should -Be 0
        $figures.LostRows | Should -Be 0
        $figures.Run2SignupPosts | Should -BeLessThan 10
        $figures.Run1WarningBytes | Should -BeLessThan 10KB
        $figures.CreatedNotStored | Should -Be 0
        Write-Host ($figures | Format-List | Out-String)
    }
}
