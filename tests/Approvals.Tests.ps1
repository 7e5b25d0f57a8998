#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Approvals as a partner runs them: payment approvals for its merchants (safe re-runs, -WhatIf plans, reports, waits,
# the contract link, the readiness report) and a marketplace's sellers (Dintero's AUTO_* test values), and the sheet
# templates of both. Run by `dotnet test` (PesterSuiteTests), which starts the emulator: partner T00000000 has the
# merchants T00000001 to T00000400. The emulator's own test values for payment approvals (form_submitter.title
# AUTO_APPROVE, AUTO_DECLINE, AUTO_WAITING_FOR_SIGNATURE) are EMULATOR-ONLY: Dintero documents none.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    Connect-Dintero @partner

    # A merchant's application for card payments, as a sheet row (the template's columns), settled by the emulator as $Title says.
    function script:New-ApprovalRow([string] $Account, [string] $Title = 'Chief executive') {
        [pscustomobject][ordered]@{
            account_id = $Account
            'products[0].product' = 'checkout'
            'payment_methods[0].payment_method' = 'creditcard'
            country_code = 'NO'
            organization_number = '912345678'
            'bank_accounts[0].bank_account_currency' = 'NOK'
            'bank_accounts[0].payout_currency' = 'NOK'
            'bank_accounts[0].bank_account_number' = '86011117947'
            'form_submitter.email' = 'kari@example.com'
            'form_submitter.name' = 'Kari Nordmann'
            'form_submitter.title' = $Title
        }
    }

    function script:Get-ApprovalPosts([string] $Account) { @(Get-EmulatorRequest POST "/v1/accounts/$Account/management/settings/approvals/payments").Count }
}

Describe 'New-DinteroPaymentApproval' {
    AfterEach { Clear-EmulatorFault }

    It 'applies for each row, skips an account with an open case on a run again, and -Force applies again' {
        $rows = 'T00000301', 'T00000302' | ForEach-Object { New-ApprovalRow $_ }

        $made = @($rows | New-DinteroPaymentApproval -ReportVariable first -InformationAction SilentlyContinue)
        $again = @($rows | New-DinteroPaymentApproval -ReportVariable second -WarningVariable warned -WarningAction SilentlyContinue -InformationAction SilentlyContinue)
        $forced = @(New-ApprovalRow T00000301 | New-DinteroPaymentApproval -Force -InformationAction SilentlyContinue)

        $made.account_id | Should -Be 'T00000301', 'T00000302'
        $made[0].case_status | Should -Not -BeNullOrEmpty
        @($first.outcome) | Should -Be 'Created', 'Created'
        $again | Should -BeNullOrEmpty
        @($second.outcome) | Should -Be 'Skipped', 'Skipped'
        $second[0].message | Should -Match "account T00000301 has a payment approval already \($($made[0].case_status), case $($made[0].id)\)"
        $warned[0].Message | Should -Match '^Skipped: account T00000301 has a payment approval already'
        $forced | Should -HaveCount 1
        Get-ApprovalPosts T00000301 | Should -Be 2
        Get-ApprovalPosts T00000302 | Should -Be 1
    }

    It 'plans a sheet under -WhatIf, a repeated account among the rows it would skip, and sends nothing' {
        $rows = 'T00000303', 'T00000303', 'T00000301' | ForEach-Object { New-ApprovalRow $_ }

        $rows | New-DinteroPaymentApproval -WhatIf -ReportVariable plan -InformationAction SilentlyContinue 6>$null

        @($plan.outcome) | Should -Be 'WouldCreate', 'WouldSkip', 'WouldSkip'
        $plan[1].message | Should -Match 'names account T00000303 more than once; pipeline item 0 sends the payment approval'
        Get-ApprovalPosts T00000303 | Should -Be 0
    }

    It 'refuses a bad row before anything is sent, naming the field, and goes on with the others' {
        $bad = New-ApprovalRow T00000304
        $bad.'bank_accounts[0].payout_currency' = 'kroner'
        $bad.PSObject.Properties.Remove('country_code')

        $made = @($bad, (New-ApprovalRow T00000305) | New-DinteroPaymentApproval -ErrorVariable failed -ErrorAction SilentlyContinue -InformationAction SilentlyContinue)

        $made.account_id | Should -Be 'T00000305'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.ValidationFailed*'
        $failed[0].Exception.Message | Should -Match 'approval\.country_code'
        $failed[0].Exception.Message | Should -Match 'approval\.bank_accounts\[0\]\.payout_currency'
        ($failed[0] | Out-String) | Should -Not -Match '86011117947'
        Get-ApprovalPosts T00000304 | Should -Be 0
    }

    It 'settles a lost answer by reading back: created once, never posted twice' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000306/management/settings/approvals/payments'; drop = $true; afterProcessing = $true }

        $made = @(New-ApprovalRow T00000306 | New-DinteroPaymentApproval -ReportVariable lost -Verbose 4>&1 -InformationAction SilentlyContinue)

        $lost[0].outcome | Should -Be 'Created'
        $lost[0].message | Should -Match "Dintero's answer was lost; reading the account's payment approvals back found case"
        Get-ApprovalPosts T00000306 | Should -Be 1
        @($made | Where-Object { $_ -is [Dintero.Connections.Models.PaymentApproval] }) | Should -HaveCount 1
    }

    It 'shows the contract link as its URL, in the view and as a property a script prints' {
        $approval = @(Get-DinteroPaymentApproval -AccountId T00000301)[0]

        $approval.contract_url | Should -Match '^https?://.+/_emulator/forms/'
        "$($approval.links[0])" | Should -Be $approval.contract_url
        ($approval | Format-List | Out-String) | Should -Match ([regex]::Escape($approval.contract_url))
    }
}

Describe 'Get-DinteroPaymentApproval and Wait-DinteroPaymentApproval' {
    It 'filters by case status, completes the closed list, and refuses a mistyped status with a did-you-mean' {
        $row = New-ApprovalRow T00000310 -Title AUTO_APPROVE
        $null = $row | New-DinteroPaymentApproval -InformationAction SilentlyContinue
        $null = $row | Wait-DinteroPaymentApproval -PollInterval 00:00:00.200 -Timeout 00:00:20

        @(Get-DinteroPaymentApproval -AccountId T00000310 -CaseStatus active).account_id | Should -Be 'T00000310'
        Get-DinteroPaymentApproval -AccountId T00000310 -CaseStatus DECLINED | Should -BeNullOrEmpty
        $script = 'Get-DinteroPaymentApproval -CaseStatus WAITING_FOR_S'
        (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText | Should -Be 'WAITING_FOR_SIGNATURE'
        { Get-DinteroPaymentApproval -AccountId T00000310 -CaseStatus DECLIEND -ErrorAction Stop } | Should -Throw -ExpectedMessage "*Did you mean 'DECLINED'*"
    }

    It 'waits for ACTIVE, writing each case as soon as it is, and a declined case ends its wait as a failure naming the status' {
        $null = 'T00000311', 'T00000312' | ForEach-Object { New-ApprovalRow $_ -Title $(if ($_ -eq 'T00000311') { 'AUTO_APPROVE' } else { 'AUTO_DECLINE' }) } |
            New-DinteroPaymentApproval -InformationAction SilentlyContinue

        $active = @('T00000311', 'T00000312' | Wait-DinteroPaymentApproval -PollInterval 00:00:00.200 -Timeout 00:00:20 -ErrorVariable failed -ErrorAction SilentlyContinue -InformationAction SilentlyContinue)

        $active.account_id | Should -Be 'T00000311'
        $active[0].case_status | Should -Be 'ACTIVE'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Wait.DECLINED*'
        $failed[0].Exception.Message | Should -Match 'The payment approval of account T00000312 ended DECLINED, not ACTIVE'
    }

    It 'reads a partner''s whole book when nothing names an account' {
        $all = @(Get-DinteroPaymentApproval -CaseStatus ACTIVE -InformationAction SilentlyContinue)

        $all.account_id | Should -Contain 'T00000310'
        $all.account_id | Should -Contain 'T00000311'
        @($all | Where-Object case_status -ne 'ACTIVE') | Should -BeNullOrEmpty
    }
}

Describe 'Bank account numbers' {
    It 'are masked in the cases, their JSON and CSV, a failed wait''s error and the Debug stream, whatever their shape, and kept whole' {
        $numbers = '5020-1234567', 'se45 5000 0000 0583 9825 7466'
        $row = New-ApprovalRow T00000350 -Title AUTO_DECLINE
        $row.'bank_accounts[0].bank_account_number' = $numbers[0]
        $seller = @{ payout_destination_id = 'seller-masked'; payout_reference = 'Masked AS'; country_code = 'NO'; organization_number = '912345678'
            bank_accounts = @(@{ bank_account_currency = 'NOK'; payout_currency = 'NOK'; bank_account_number = $numbers[1] }) }
        $null = $row | New-DinteroPaymentApproval -InformationAction SilentlyContinue
        $null = New-DinteroPayoutDestination -AccountId T00000350 -Seller $seller -InformationAction SilentlyContinue

        $text = Get-AllStreams {
            $DebugPreference = 'Continue'
            $cases = @(Get-DinteroPaymentApproval -AccountId T00000350) + @(Get-DinteroPayoutDestination -AccountId T00000350)
            $cases | ConvertTo-Json -Depth 8
            $cases | ConvertTo-Csv
            $cases.bank_accounts | Format-List * | Out-String
            Wait-DinteroPaymentApproval -AccountId T00000350 -PollInterval 00:00:00.200 -Timeout 00:00:20 -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed | ConvertTo-Json -Depth 6 -WarningAction SilentlyContinue
        }
        $approval = Get-DinteroPaymentApproval -AccountId T00000350

        $text | Should -Match 'ended DECLINED'
        $text | Should -Match 'bank_account_number'
        foreach ($number in $numbers) { $text.Contains($number) | Should -BeFalse -Because "'$number' is a bank account number" }
        "$($approval.bank_accounts[0].bank_account_number)" | Should -Be '***'
        $approval.bank_accounts[0].bank_account_number.GetPlainText() | Should -Be $numbers[0]
    }
}

Describe 'What a failed approval wait advises, and which case it follows' {
    It 'names Get-DinteroPaymentApproval for a declined case and New-DinteroPaymentApproval when there is none' {
        $null = New-ApprovalRow T00000351 -Title AUTO_DECLINE | New-DinteroPaymentApproval -InformationAction SilentlyContinue

        $null = 'T00000351', 'T00000352' | Wait-DinteroPaymentApproval -PollInterval 00:00:00.200 -Timeout 00:00:20 -ErrorVariable failed -ErrorAction SilentlyContinue
        $declined = $failed | Where-Object { $_.Exception.AccountId -eq 'T00000351' }
        $none = $failed | Where-Object { $_.Exception.AccountId -eq 'T00000352' }

        $declined.ErrorDetails.RecommendedAction | Should -Match 'Get-DinteroPaymentApproval -AccountId T00000351'
        $none.Exception.Message | Should -Match 'Nothing to wait for: account T00000352 has no payment approval'
        $none.ErrorDetails.RecommendedAction | Should -Match 'New-DinteroPaymentApproval -AccountId T00000352 .*Get-DinteroSignupTemplate -Kind PaymentApproval'
        @($failed.ErrorDetails.RecommendedAction) -match 'Get-DinteroConnection' | Should -BeNullOrEmpty
        $declined.Exception.Kind | Should -Be 'PaymentApproval'
        $declined.Exception.ConnectionType | Should -BeNullOrEmpty
    }

    It 'names Get-DinteroPayoutDestination for a seller''s declined case' {
        $seller = @{ payout_destination_id = 'seller-advice'; payout_reference = 'Advice AS'; payout_destination_description = 'AUTO_DECLINE'; country_code = 'NO'; organization_number = '912345678'
            bank_accounts = @(@{ bank_account_currency = 'NOK'; payout_currency = 'NOK' }) }

        $null = New-DinteroPayoutDestination -AccountId T00000353 -Seller $seller -InformationAction SilentlyContinue |
            Wait-DinteroPayoutDestination -PollInterval 00:00:00.200 -Timeout 00:00:20 -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'Get-DinteroPayoutDestination -AccountId T00000353 -PayoutDestinationId seller-advice'
        $failed[0].ErrorDetails.RecommendedAction | Should -Not -Match 'Get-DinteroConnection'
    }

    It 'follows each case of a re-imported CSV by its id, and a plain object''s unknown id is an error, not another case' {
        $null = New-ApprovalRow T00000354 -Title AUTO_APPROVE | New-DinteroPaymentApproval -InformationAction SilentlyContinue
        $null = New-ApprovalRow T00000354 | Wait-DinteroPaymentApproval -PollInterval 00:00:00.200 -Timeout 00:00:20
        $null = New-ApprovalRow T00000354 | New-DinteroPaymentApproval -Force -InformationAction SilentlyContinue
        $file = Join-Path $TestDrive 'cases.csv'
        Get-DinteroPaymentApproval -AccountId T00000354 -CaseStatus ACTIVE | Export-Csv $file -NoTypeInformation
        $unknown = [guid]::NewGuid().ToString()

        $followed = @(Import-Csv $file | Wait-DinteroPaymentApproval -PollInterval 00:00:00.200 -Timeout 00:00:03)
        $null = [pscustomobject]@{ account_id = 'T00000354'; id = $unknown } | Wait-DinteroPaymentApproval -Timeout 00:00:03 -ErrorVariable failed -ErrorAction SilentlyContinue

        $followed | Should -HaveCount 1
        $followed[0].case_status | Should -Be 'ACTIVE'
        $followed[0].id | Should -Be (Import-Csv $file).id
        $failed[0].Exception.Message | Should -Match "has no payment approval $unknown"
    }
}

Describe 'Completion of the approvals'' parameters' {
    It 'offers no case status the list has already, and no file names for a seller''s id' {
        $statuses = 'Get-DinteroPaymentApproval -CaseStatus ACTIVE,'
        $seller = 'Wait-DinteroPayoutDestination -AccountId T00000001 -PayoutDestinationId '

        $offered = (TabExpansion2 -inputScript $statuses -cursorColumn $statuses.Length).CompletionMatches.CompletionText
        $sellers = (TabExpansion2 -inputScript $seller -cursorColumn $seller.Length).CompletionMatches

        $offered | Should -Contain 'DECLINED'
        $offered | Should -Not -Contain 'ACTIVE'
        $sellers | Should -BeNullOrEmpty
    }
}

Describe 'Readiness with approvals' {
    It 'counts an ACTIVE payment approval with its card payments on in the profile as a way to take payments, and names the approval step otherwise' {
        $null = New-DinteroApiClient -AccountId T00000311 -Name 'Web shop'
        Set-DinteroPaymentProfile -AccountId T00000311 -Enable dintero_psp.creditcard
        $null = New-ApprovalRow T00000320 | New-DinteroPaymentApproval -InformationAction SilentlyContinue

        $rows = @('T00000311', 'T00000320' | Get-DinteroMerchantReadiness -InformationAction SilentlyContinue)

        $rows[0].payment_approval | Should -Be 'ACTIVE'
        $rows[0].enabled_types | Should -Match 'dintero_psp\.creditcard'
        $rows[0].verdict | Should -Be 'Live'
        $rows[1].payment_approval | Should -Be 'WAITING_FOR_DECLARATION'
        $rows[1].MissingSteps() | Should -Contain 'approval'
        $rows[1].fix | Should -Match 'approval: the payment approval is WAITING_FOR_DECLARATION \(the signatory signs at http.+\): Wait-DinteroPaymentApproval -AccountId T00000320'
    }
}

Describe 'A marketplace''s sellers' {
    It 'applies for sellers with Dintero''s test values, once each, and waits: approved ones come, a declined one fails' {
        $sellers = 'seller-approve', 'seller-decline', 'seller-approve' | ForEach-Object {
            [pscustomobject]@{
                payout_destination_id = $_
                payout_reference = "Shop $_"
                payout_destination_description = if ($_ -eq 'seller-approve') { 'AUTO_APPROVE' } else { 'AUTO_DECLINE' }
                country_code = 'NO'
                organization_number = '912345678'
                'bank_accounts[0].bank_account_currency' = 'NOK'
                'bank_accounts[0].payout_currency' = 'NOK'
                'bank_accounts[0].bank_account_number' = '86011117947'
            }
        }

        $made = @($sellers | New-DinteroPayoutDestination -AccountId T00000330 -ReportVariable report -WarningAction SilentlyContinue -InformationAction SilentlyContinue)
        $approved = @($made | Wait-DinteroPayoutDestination -PollInterval 00:00:00.200 -Timeout 00:00:20 -ErrorVariable failed -ErrorAction SilentlyContinue -InformationAction SilentlyContinue)

        @($report.outcome) | Should -Be 'Created', 'Created', 'Skipped'
        @(Get-EmulatorRequest POST '/v1/accounts/T00000330/management/settings/approvals/payout-destinations').Count | Should -Be 2
        $approved.payout_destination_id | Should -Be 'seller-approve'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Wait.DECLINED*'
        @(Get-DinteroPayoutDestination -AccountId T00000330 -CaseStatus ACTIVE).payout_destination_id | Should -Be 'seller-approve'
        ($report | ConvertTo-Csv | Out-String) | Should -Not -Match '86011117947'
    }
}

Describe 'The approvals'' sheet templates' {
    It 'gives a sheet for <_> that Excel writes back with ; and the cmdlet plans without a warning' -ForEach @('PaymentApproval', 'PayoutDestination') {
        $file = Join-Path $TestDrive "$_.csv"
        Get-DinteroSignupTemplate -Kind $_ | Export-Csv $file -Delimiter ';' -NoTypeInformation
        $row = Import-Csv $file -Delimiter ';'
        $row.account_id = 'T00000340'
        $command = if ($_ -eq 'PaymentApproval') { 'New-DinteroPaymentApproval' } else { 'New-DinteroPayoutDestination' }

        $row | & $command -WhatIf -ReportVariable plan -WarningVariable warned -InformationAction SilentlyContinue 6>$null

        $plan[0].outcome | Should -Be 'WouldCreate'
        $warned | Should -BeNullOrEmpty
    }
}
