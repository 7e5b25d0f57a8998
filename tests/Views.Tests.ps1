#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module's default table views at 80 columns (a default console, a runbook's job output): each one rendered with
# real objects from the emulator, as Out-String -Width 80 prints them, has no line longer than 80 characters, its
# header on one line with every label whole, and the values a reader needs (account ids, statuses, kinds, ids,
# readiness steps) whole. Run by `dotnet test` (PesterSuiteTests): partner T00000000 has the merchants T00000001 to
# T00000400.

BeforeDiscovery {
    # Every table view of the format file, by name; the first It checks that this list is the file's.
    $script:tableViews = @(
        'Dintero.Connections.Connection.Table', 'Dintero.Connections.BamboraSignupRecord.Table', 'Dintero.Connections.ConnectionEvent.Table',
        'Dintero.Connections.DinteroContext.Table', 'Dintero.Connections.DinteroAccount.Table', 'Dintero.Connections.MerchantInvite.Table',
        'Dintero.Connections.OnboardingLink.Table', 'Dintero.Connections.SignupReport.Table', 'Dintero.Connections.ApiClient.Table',
        'Dintero.Connections.ClientGrant.Table', 'Dintero.Connections.PaymentProfile.Table', 'Dintero.Connections.WebhookSubscription.Table',
        'Dintero.Connections.WebhookDelivery.Table', 'Dintero.Connections.MerchantReadiness.Table', 'Dintero.Connections.ApiClientReport.Table',
        'Dintero.Connections.WebhookReport.Table', 'Dintero.Connections.PaymentApproval.Table', 'Dintero.Connections.PayoutDestination.Table',
        'Dintero.Connections.PaymentApprovalReport.Table', 'Dintero.Connections.PayoutDestinationReport.Table'
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')

    # The labels of each table view, in order, from the staged format file.
    $script:format = [xml] (Get-Content (Join-Path (Split-Path $module) 'Dintero.Connections.format.ps1xml') -Raw)
    $script:labels = @{}
    foreach ($view in @($format.Configuration.ViewDefinitions.View | Where-Object { $_.TableControl })) {
        $labels[$view.Name] = @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { $_.Label })
    }

    # Four merchants of the partner: T00000011 goes live (Common enabled, a client, the profile on), T00000012 has Common
    # and Vipps pending, T00000013 Common pending, T00000014 Common and Vipps enabled and nothing else; a row of the signups fails
    # as Dintero fails it (no organization number), a row of the clients names no merchant of the partner.
    Connect-Dintero @partner
    $ids = 'T00000011', 'T00000012', 'T00000013', 'T00000014'
    $ids | ForEach-Object { [pscustomobject]@{ account_id = $_; organization_number = '912345678' } } | Set-DinteroAccountSetting -InformationAction Ignore
    $signups = @($ids + 'T00000015') | ForEach-Object { [pscustomobject]@{ account_id = $_; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = 'online' } }
    $null = $signups | New-DinteroCommonConnection -ReportVariable signupReport -InformationAction Ignore -ErrorAction SilentlyContinue
    $null = 'T00000012', 'T00000014' | ForEach-Object { New-DinteroVippsConnection -AccountId $_ }
    Set-EmulatorStatus T00000011 common enabled
    Set-EmulatorStatus T00000014 common enabled
    Set-EmulatorStatus T00000014 vipps enabled
    $shops = @([pscustomobject]@{ account_id = 'T00000011' }, [pscustomobject]@{ account_id = 'T00099999' } |
        New-DinteroApiClient -Name 'Web shop' -ReportVariable clientReport -InformationAction Ignore -ErrorAction SilentlyContinue)
    Set-DinteroPaymentProfile -AccountId T00000011 -Enable dintero.zero
    $hookSecret = ConvertTo-SecureString 'Views-Hook-Secret-4410' -AsPlainText -Force
    $hook = New-DinteroWebhook -AccountId T00000011 -Event account_update, settlement_add -Url "$($emulator)_emulator/receiver/views" -Secret $hookSecret -WarningAction SilentlyContinue
    $hook | Send-DinteroWebhookPing
    # A webhook report: the one made above skipped, another made, a row for no merchant of the partner failed.
    $null = 'T00000011', 'T00000012', 'T00099999' | New-DinteroWebhook -Event account_update, settlement_add -Url "$($emulator)_emulator/receiver/views" -ReportVariable hookReport -InformationAction Ignore -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
    # -WhatIf plans of each creator, for a merchant with nothing yet: their rows say WouldCreate, the longest outcome.
    $null = [pscustomobject]@{ account_id = 'T00000016'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' } | New-DinteroCommonConnection -WhatIf -ReportVariable signupPlan -InformationAction Ignore
    $null = [pscustomobject]@{ account_id = 'T00000016' } | New-DinteroApiClient -Name 'Web shop' -WhatIf -ReportVariable clientPlan -InformationAction Ignore
    $null = [pscustomobject]@{ account_id = 'T00000016' } | New-DinteroWebhook -Event account_update -Url "$($emulator)_emulator/receiver/views" -WhatIf -ReportVariable hookPlan -InformationAction Ignore -WarningAction SilentlyContinue
    Start-Sleep -Milliseconds 500
    $connections = @('T00000011', 'T00000012') | ForEach-Object { Get-DinteroConnection -AccountId $_ }
    # Approvals: one merchant's application waiting for its declaration, another's refused as Dintero refuses a merchant
    # of another partner; a marketplace's two sellers, one declined by Dintero's test value.
    $approvalRow = @{ 'products[0].product' = 'checkout'; 'payment_methods[0].payment_method' = 'creditcard'; country_code = 'NO'; organization_number = '912345678'
        'bank_accounts[0].bank_account_currency' = 'NOK'; 'bank_accounts[0].payout_currency' = 'NOK'; 'bank_accounts[0].bank_account_number' = '86011117947' }
    $approvals = @('T00000011', 'T00099999' | ForEach-Object { [pscustomobject](@{ account_id = $_ } + $approvalRow) } |
        New-DinteroPaymentApproval -ReportVariable approvalReport -InformationAction Ignore -ErrorAction SilentlyContinue)
    $null = [pscustomobject](@{ account_id = 'T00000016' } + $approvalRow) | New-DinteroPaymentApproval -WhatIf -ReportVariable approvalPlan -InformationAction Ignore
    $sellers = @('seller-0001', 'seller-0002' | ForEach-Object {
        [pscustomobject]@{ payout_destination_id = $_; payout_reference = "Kaffeplassen $_"; payout_destination_description = if ($_ -eq 'seller-0002') { 'AUTO_DECLINE' } else { 'AUTO_APPROVE' }
            country_code = 'NO'; organization_number = '912345678'; 'bank_accounts[0].bank_account_currency' = 'NOK'; 'bank_accounts[0].payout_currency' = 'NOK' } } |
        New-DinteroPayoutDestination -AccountId T00000011 -ReportVariable sellerReport -InformationAction Ignore)
    $invite = @{
        applicant = @{ email = 'kari@fjordkaffe.example'; first_name = 'Kari'; signup_reference = 'shop-0001' }
        company   = @{ business_name = 'Fjordkaffe AS'; address = @{ address_line = 'Storgata 1'; postal_code = '0155'; postal_place = 'Oslo'; country = 'NO' } }
    }
    # The emulator keeps no Bambora signup records (a Bambora connection's direct_signups are empty), so these are made
    # as Dintero's reference example gives them.
    $bambora = 1, 2 | ForEach-Object {
        [Dintero.Connections.Models.BamboraDirectSignup] @{
            case_id         = [guid]::NewGuid().ToString()
            merchant_number = "P1234567$_"
            md5_key         = 'ae45ase'
            payment_options = [Collections.Generic.List[Dintero.Connections.Models.PaymentOption]] @([Dintero.Connections.Models.PaymentOption] @{ type = 'bambora.creditcard'; currencies = [Collections.Generic.List[string]] @('NOK') })
            signup_id       = [guid]::NewGuid().ToString()
            created_at      = [DateTimeOffset]::UtcNow.AddDays(-1)
            callback_at     = [DateTimeOffset]::UtcNow
        }
    }

    # Each view's objects, and the values that must show whole.
    $script:objects = @{
        'Dintero.Connections.Connection.Table'            = $connections
        'Dintero.Connections.BamboraSignupRecord.Table'   = $bambora
        'Dintero.Connections.ConnectionEvent.Table'       = @($connections | ForEach-Object { $_.events })
        'Dintero.Connections.DinteroContext.Table'        = Get-DinteroContext
        'Dintero.Connections.DinteroAccount.Table'        = @(Get-DinteroAccount -PageSize 100 | Where-Object { $ids -contains $_.account_id })
        'Dintero.Connections.MerchantInvite.Table'        = New-DinteroMerchantInvite -Invite $invite -WarningAction SilentlyContinue
        'Dintero.Connections.OnboardingLink.Table'        = @((Get-DinteroOnboardingLink -SignupReference shop-0003), (Get-DinteroOnboardingLink -SignupReference shop-0004 -Prefilled))
        'Dintero.Connections.SignupReport.Table'          = @($signupReport) + @($signupPlan)
        'Dintero.Connections.ApiClient.Table'             = $shops
        'Dintero.Connections.ClientGrant.Table'           = @($shops | ForEach-Object { $_.grants })
        'Dintero.Connections.PaymentProfile.Table'        = Get-DinteroPaymentProfile -AccountId T00000011 -ProfileId default
        'Dintero.Connections.WebhookSubscription.Table'   = Get-DinteroWebhook -AccountId T00000011
        'Dintero.Connections.WebhookDelivery.Table'       = $hook | Get-DinteroWebhookDelivery -Last 5
        'Dintero.Connections.MerchantReadiness.Table'     = $ids | ForEach-Object { [pscustomobject]@{ account_id = $_ } } | Get-DinteroMerchantReadiness -InformationAction Ignore
        'Dintero.Connections.ApiClientReport.Table'       = @($clientReport) + @($clientPlan)
        'Dintero.Connections.WebhookReport.Table'         = @($hookReport) + @($hookPlan)
        'Dintero.Connections.PaymentApproval.Table'       = @(Get-DinteroPaymentApproval -AccountId T00000011)
        'Dintero.Connections.PayoutDestination.Table'     = @(Get-DinteroPayoutDestination -AccountId T00000011)
        'Dintero.Connections.PaymentApprovalReport.Table' = @($approvalReport) + @($approvalPlan)
        'Dintero.Connections.PayoutDestinationReport.Table' = $sellerReport
    }
    $script:whole = @{
        'Dintero.Connections.Connection.Table'            = { param($o) $o.account_id, $o.connection_type, $o.status, $o.last_event }
        'Dintero.Connections.BamboraSignupRecord.Table'   = { param($o) $o.merchant_number, $o.payment_options[0].type, $o.callback_at.ToString('yyyy-MM-dd HH:mm') }
        'Dintero.Connections.ConnectionEvent.Table'       = { param($o) $o.event, $o.status }
        'Dintero.Connections.DinteroContext.Table'        = { param($o) $o.AccountId, $o.Environment, $o.Role }
        'Dintero.Connections.DinteroAccount.Table'        = { param($o) $o.account_id; $s = $o.connection_status; @($s.Keys | ForEach-Object { '{0}: {1}' -f $_, $s[$_] }) -join '; ' }
        'Dintero.Connections.MerchantInvite.Table'        = { param($o) $o.prefill_id, $o.email, $o.signup_reference }
        'Dintero.Connections.OnboardingLink.Table'        = { param($o) $o.url }
        # The error_id in the 42 columns the outcome whole leaves (Dintero.Api.400.ORGANIZATION_NUMBER_REQUIRED loses 2).
        'Dintero.Connections.SignupReport.Table'          = { param($o) $o.account_id, $o.outcome, $o.status, $(if ($o.error_id.Length -gt 41) { $o.error_id.Substring(0, 41) } else { $o.error_id }) }
        'Dintero.Connections.ApiClient.Table'             = { param($o) $o.account_id, $o.name, $o.scopes, $o.id }
        'Dintero.Connections.ClientGrant.Table'           = { param($o) $o.type, (@($o.scope) -join ', '), $o.audience }
        'Dintero.Connections.PaymentProfile.Table'        = { param($o) $o.account_id, $o.profile_id, (@($o.enabled_types) -join ', ') }
        'Dintero.Connections.WebhookSubscription.Table'   = { param($o) $o.account_id, (@($o.events) -join ', ') }
        'Dintero.Connections.WebhookDelivery.Table'       = { param($o) $o.event, [string] $o.status, [string] $o.success }
        'Dintero.Connections.MerchantReadiness.Table'     = { param($o) $o.account_id, [string] $o.verdict, $o.profile_off, $o.missing }
        'Dintero.Connections.ApiClientReport.Table'       = { param($o) $o.account_id, $o.outcome, $o.name, $o.error_id }
        'Dintero.Connections.WebhookReport.Table'         = { param($o) $o.account_id, $o.outcome, $o.error_id }
        'Dintero.Connections.PaymentApproval.Table'       = { param($o) $o.account_id, $o.case_status, $o.methods }
        'Dintero.Connections.PayoutDestination.Table'     = { param($o) $o.account_id, $o.payout_destination_id, $o.case_status }
        'Dintero.Connections.PaymentApprovalReport.Table' = { param($o) $o.account_id, $o.outcome, $o.case_status }
        'Dintero.Connections.PayoutDestinationReport.Table' = { param($o) $o.payout_destination_id, $o.outcome, $o.case_status }
    }

    # What the objects print as at 80 columns, as lines, without colour.
    function script:Get-View80($InputObject) {
        $text = $InputObject | Out-String -Width 80
        @(($text -replace '\x1b\[[0-9;]*m', '') -split '\r?\n')
    }
}

Describe 'The default table views at 80 columns' {
    It 'are tested here, each of them' {
        @($labels.Keys | Sort-Object) | Should -Be @($tableViews | Sort-Object)
    }

    It '<_>: fits 80 columns, has its header on one line, and shows its values whole' -ForEach $tableViews {
        $view = $_
        $shown = @($objects[$view] | Where-Object { $null -ne $_ })
        $shown.Count | Should -BeGreaterThan 0 -Because "$view needs objects to show"
        $lines = Get-View80 $shown
        $text = $lines -join "`n"

        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty -Because "no line of $view may pass 80 columns:`n$text"
        $filled = @($lines | Where-Object { $_.Trim() })
        # The header is the first line, with every label whole and in order; the next line underlines them, one run of
        # dashes a label: a header that wrapped, or a column left out for want of room, fails one or the other.
        $pattern = '^' + ((@($labels[$view]) | ForEach-Object { [regex]::Escape($_) }) -join ' +') + '$'
        $filled[0].Trim() | Should -Match $pattern -Because "the header of $view holds every label on one line:`n$text"
        $filled[1].Trim() | Should -Match '^[- ]+$' -Because "the line under the header of $view underlines it:`n$text"
        @($filled[1].Trim() -split ' +').Count | Should -Be @($labels[$view]).Count
        foreach ($object in $shown) {
            foreach ($value in @(& $whole[$view] $object | Where-Object { "$_" })) {
                $text.Contains("$value") | Should -BeTrue -Because "$view shows '$value' whole:`n$text"
            }
        }
    }
}

Describe 'The reports'' views' {
    It '<_> shows only columns a report row has, labelled as typed back, and its rows carry that type name' -ForEach @('SignupReport', 'ApiClientReport', 'WebhookReport', 'PaymentApprovalReport', 'PayoutDestinationReport') {
        $view = @($format.Configuration.ViewDefinitions.View | Where-Object Name -eq "Dintero.Connections.$_.Table")[0]
        $rows = @($objects["Dintero.Connections.$_.Table"])
        $rows.Count | Should -BeGreaterThan 0
        foreach ($row in $rows) {
            $row.PSObject.TypeNames[0] | Should -Be "Dintero.Connections.$_"
            # What it shows, and every label a user types back into Select-Object or Where-Object.
            foreach ($name in @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem.PropertyName) + $labels["Dintero.Connections.$_.Table"]) {
                $row.PSObject.Properties.Name | Should -Contain $name
            }
        }
    }
}

Describe 'The readiness view' {
    BeforeAll {
        $script:rows = @($objects['Dintero.Connections.MerchantReadiness.Table'])
    }

    It 'names the missing steps only, in words a script can match, and says what does each in fix' {
        @($rows).account_id | Should -Be 'T00000011', 'T00000012', 'T00000013', 'T00000014'
        @($rows).verdict | Should -Be 'Live', 'NotLive', 'NotLive', 'NotLive'
        @($rows).missing | Should -BeExactly '', 'connection, client', 'connection, client', 'client, profile'
        @($rows).profile_off | Should -BeExactly '', '', '', 'dintero.zero, vipps'
        $rows[0].fix | Should -BeExactly ''
        $rows[1].fix | Should -BeExactly "connection: the merchant has not signed (Common, Vipps pending): Wait-DinteroConnection -AccountId T00000012; client: New-DinteroApiClient -AccountId T00000012 -Name 'Web shop'"
        $rows[3].fix | Should -BeExactly "client: New-DinteroApiClient -AccountId T00000014 -Name 'Web shop'; profile: Set-DinteroPaymentProfile -AccountId T00000014 -Enable dintero.zero, vipps"
        foreach ($row in $rows) {
            foreach ($step in $row.MissingSteps()) {
                $step | Should -BeIn 'connection', 'client', 'profile'
                $row.fix | Should -MatchExactly "(^|; )$($step): \S"
            }
            @($row.fix -split '; ' | Where-Object { $_ }).Count | Should -Be $row.MissingSteps().Count
        }
    }

    It 'shows no command in the table, and fix in Format-List and Export-Csv' {
        $table = (Get-View80 $rows) -join "`n"
        $table | Should -Not -Match 'Dintero[A-Za-z]*Connection|DinteroApiClient|DinteroPaymentProfile|AccountId'
        $table | Should -Not -Match '\bfix\b'
        $table | Should -Match 'T00000014 +NotLive +dintero\.zero, vipps +client, profile'

        $list = $rows[3] | Format-List | Out-String -Width 200
        $list | Should -Match "missing +: client, profile"
        $list | Should -Match "fix +: client: New-DinteroApiClient -AccountId T00000014 -Name 'Web shop'; profile: Set-DinteroPaymentProfile"
        $csv = Join-Path $TestDrive 'readiness.csv'
        $rows | Export-Csv $csv -NoTypeInformation
        $back = @(Import-Csv $csv)
        $back[3].missing | Should -Be 'client, profile'
        $back[3].fix | Should -Be $rows[3].fix
    }
}
