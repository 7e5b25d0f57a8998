#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# From enabled connections to merchants that take payments, as the go-live guide's flow runs it: an API client per
# merchant (and its secret nowhere but its Credential), the payment types switched on, the readiness report, webhooks.
# Run by `dotnet test` (PesterSuiteTests): partner T00000000 has the merchants T00000001 to T00000400.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    Connect-Dintero @partner
    $script:enabled = 'T00000201', 'T00000202', 'T00000203'
    $enabled | ForEach-Object { [pscustomobject]@{ account_id = $_; organization_number = '912345678' } } | Set-DinteroAccountSetting
    $enabled | ForEach-Object { [pscustomobject]@{ account_id = $_; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = 'online' } } |
        New-DinteroCommonConnection -InformationAction Ignore | Out-Null
    $enabled | ForEach-Object { Set-EmulatorStatus $_ common enabled }

    function script:Get-EmulatorClient([string] $Account) {
        @(Invoke-RestMethod "$($emulator)_emulator/api-clients") | ForEach-Object { $_ } | Where-Object account_id -eq $Account
    }
}

AfterAll {
    Clear-EmulatorFault
}

Describe 'The go-live flow of docs/guides/go-live.md' {
    It 'makes one client per merchant with an enabled connection, granted the checkout scope on the merchant''s account' {
        $shops = Get-DinteroAccount -ConnectionStatus enabled | New-DinteroApiClient -Name 'Web shop' -ReportVariable clients -InformationAction Ignore

        @($shops).account_id | Sort-Object | Should -Be $enabled
        foreach ($shop in $shops) {
            $shop.Credential | Should -BeOfType [pscredential]
            $shop.Credential.UserName | Should -Be $shop.client_id
            $shop.client_id | Should -Be "web-shop-$($shop.account_id.ToLowerInvariant())"
            $shop.scopes | Should -Be 'admin:checkout'
            $shop.grants[0].client_id | Should -Be $shop.id
            $shop.grants[0].audience | Should -Be "$($env:DINTERO_TEST_BASE_URI.TrimEnd('/'))/accounts/$($shop.account_id)"
            (Get-EmulatorClient $shop.account_id).grants | Should -Be 1
        }
        # The grant names the client by its id (a UUID), not by its client_id string.
        $grantBodies = Get-EmulatorRequest POST '/v1/accounts/T0000020?/auth/client-grants' | ForEach-Object { $_.body | ConvertFrom-Json }
        @($grantBodies).client_id | Sort-Object | Should -Be (@($shops).id | Sort-Object)
        @($clients).outcome | Should -Be 'Created', 'Created', 'Created'
        $script:shops = $shops
    }

    It 'connects with a created client''s credential, which reaches the merchant''s checkout' {
        $shop = $shops | Select-Object -First 1
        $context = Connect-Dintero -AccountId $shop.account_id -Credential $shop.Credential -BaseUri $env:DINTERO_TEST_BASE_URI -CheckoutBaseUri $env:DINTERO_TEST_CHECKOUT_BASE_URI -PassThru

        $context.ClientId | Should -Be $shop.client_id
        $context.IsPartner | Should -BeFalse
        (Get-DinteroPaymentProfile -ProfileId default -Context $context).profile_id | Should -Be 'default'
        (Get-EmulatorRequest POST "/v1/accounts/$($shop.account_id)/auth/token" | Select-Object -Last 1).status | Should -Be 200
        Connect-Dintero @partner
    }

    It 'skips every merchant on a run again, making no client or grant, and says so once' {
        $before = @(Get-EmulatorRequest POST '/v1/accounts/*/auth/clients').Count

        $again = $enabled | ForEach-Object { [pscustomobject]@{ account_id = $_ } } |
            New-DinteroApiClient -Name 'Web shop' -ReportVariable rerun -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore

        $again | Should -BeNullOrEmpty
        @($rerun).outcome | Should -Be 'Skipped', 'Skipped', 'Skipped'
        # The client's id is made of its name and account, so Dintero refuses it as taken (409): that answer is the check,
        # which keeps a first run at two calls a merchant. Nothing else is sent.
        $sent = @(Get-EmulatorRequest POST '/v1/accounts/*/auth/clients') | Select-Object -Skip $before
        @($sent).status | Should -Be 409, 409, 409
        @(Get-EmulatorRequest POST '/v1/accounts/*/auth/client-grants').Count | Should -Be 3
        foreach ($account in $enabled) { @(Get-EmulatorClient $account) | Should -HaveCount 1 }
        $warned[0].Message | Should -Match 'has the client web-shop-t0000020\d .* already'
        $warned | Should -HaveCount 2 # the first skip, and the summary line
    }

    It 'finds the payment types switched off, switches them on, and then calls the merchants Live' {
        $before = $enabled | ForEach-Object { [pscustomobject]@{ account_id = $_ } } | Get-DinteroMerchantReadiness -InformationAction Ignore
        @($before).verdict | Should -Be 'NotLive', 'NotLive', 'NotLive'
        @($before).profile_off | Should -Be 'dintero.zero', 'dintero.zero', 'dintero.zero'
        @($before).checkout_client | Should -Be $true, $true, $true
        @($before).missing | Should -Be 'profile', 'profile', 'profile'
        $before[0].fix | Should -Be 'profile: Set-DinteroPaymentProfile -AccountId T00000201 -Enable dintero.zero'

        $before | Where-Object profile_off | ForEach-Object { Set-DinteroPaymentProfile -AccountId $_.account_id -Enable ($_.profile_off -split ', ') }
        $after = $before | Get-DinteroMerchantReadiness -InformationAction Ignore
        $after | Export-Csv (Join-Path $TestDrive 'readiness.csv')
        $sheet = Import-Csv (Join-Path $TestDrive 'readiness.csv')

        @($sheet).verdict | Should -Be 'Live', 'Live', 'Live'
        @($sheet).missing | Should -Be '', '', ''
        @($sheet).fix | Should -Be '', '', ''
        $sheet[0].common | Should -Be 'enabled'
        $sheet[0].checkout_client_id | Should -Be 'web-shop-t00000201'
        (Get-DinteroPaymentProfile -AccountId T00000201 -ProfileId default).enabled_types | Should -Be 'dintero.zero'
    }

    It 'sends no PUT for a profile that has the switch already' {
        $before = @(Get-EmulatorRequest PUT '/checkout/v1/admin/session/profiles/default').Count
        Set-DinteroPaymentProfile -AccountId T00000201 -Enable dintero.zero
        @(Get-EmulatorRequest PUT '/checkout/v1/admin/session/profiles/default').Count | Should -Be $before
    }

    It 'covers the partner''s whole book when nothing is piped in, one row per merchant in order' {
        $rows = Get-DinteroMerchantReadiness -ThrottleLimit 8 -InformationAction Ignore

        $rows | Should -HaveCount 400
        $rows[0].account_id | Should -Be 'T00000001'
        $rows[399].account_id | Should -Be 'T00000400'
        @($rows | Where-Object verdict -eq Live).account_id | Should -Be $enabled
        $none = $rows | Where-Object account_id -eq T00000300
        $none.missing | Should -Be 'connection, client'
        $none.fix | Should -Be "connection: sign one up or apply for payments: set account_id T00000300 in Get-DinteroSignupTemplate -Kind Common (or -Kind PaymentApproval) and pipe it to New-DinteroCommonConnection (or New-DinteroPaymentApproval); client: New-DinteroApiClient -AccountId T00000300 -Name 'Web shop'"
    }

    It 'says which merchants have Vipps to switch on, in one pipeline' {
        New-DinteroVippsConnection -AccountId T00000203 | Out-Null
        Set-EmulatorStatus T00000203 vipps enabled
        Get-DinteroAccount -ConnectionType vipps -ConnectionStatus enabled |
            Where-Object { $_.connection_status.vipps -eq 'enabled' } |
            Set-DinteroPaymentProfile -Enable vipps

        (Get-DinteroPaymentProfile -AccountId T00000203 -ProfileId default).enabled_types | Should -Contain 'vipps'
        (Get-DinteroPaymentProfile -AccountId T00000202 -ProfileId default).enabled_types | Should -Not -Contain 'vipps'
    }
}

Describe 'A failed grant' {
    It 'leaves no client behind when Dintero refuses the grant, and says the client was deleted' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000211/auth/client-grants'; status = 400; times = 1 }

        $made = New-DinteroApiClient -AccountId T00000211 -Name 'Web shop' -ErrorVariable failed -ErrorAction SilentlyContinue

        $made | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Rollback.Undone*'
        $failed[0].ErrorDetails.Message | Should -Match 'deleted'
        Get-EmulatorClient T00000211 | Should -BeNullOrEmpty
        @(Get-EmulatorRequest DELETE '/v1/accounts/T00000211/auth/clients/*').Count | Should -Be 1
    }

    It 'leaves no client behind when the grant''s answer is lost and the read back finds no grant' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000212/auth/client-grants'; drop = $true; times = 1 }

        New-DinteroApiClient -AccountId T00000212 -Name 'Web shop' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed | Should -HaveCount 1
        Get-EmulatorClient T00000212 | Should -BeNullOrEmpty
    }

    It 'goes on with the other rows, and the next run makes the failed one' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000214/auth/client-grants'; status = 400; times = 1 }
        $rows = 'T00000213', 'T00000214', 'T00000215' | ForEach-Object { [pscustomobject]@{ account_id = $_; name = 'Web shop' } }

        $made = $rows | New-DinteroApiClient -ReportVariable report -ErrorAction SilentlyContinue -InformationAction Ignore
        @($made).account_id | Should -Be 'T00000213', 'T00000215'
        @($report).outcome | Should -Be 'Created', 'Failed', 'Created'

        $again = $report | Where-Object outcome -eq Failed | New-DinteroApiClient -InformationAction Ignore
        $again.account_id | Should -Be 'T00000214'
        (Get-EmulatorClient T00000214).grants | Should -Be 1
    }
}

Describe 'The secret of a new client' {
    It 'appears in no stream, view, JSON, CSV or report, at Verbose and Debug, and only in the Credential' {
        $all = Get-AllStreams {
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            $shop = New-DinteroApiClient -AccountId T00000221 -Name 'Web shop' -ReportVariable report
            $shop | Format-Table | Out-String
            $shop | Format-List * | Out-String
            $shop | ConvertTo-Json -Depth 10
            $shop | ConvertTo-Csv
            $report | Format-List * | Out-String
            $report | ConvertTo-Csv
            $report | ConvertTo-Json -Depth 10
            $script:plain = $shop.Credential.GetNetworkCredential().Password
            $rotated = Reset-DinteroApiClientSecret -AccountId T00000221 -Id $shop.id -Confirm:$false
            $rotated | Format-List * | Out-String
            $rotated | ConvertTo-Json -Depth 10
            $script:rotatedPlain = $rotated.Credential.GetNetworkCredential().Password
        }

        $plain.Length | Should -BeGreaterThan 20
        $rotatedPlain | Should -Not -Be $plain
        $all | Should -Match 'web-shop-t00000221'
        $all | Should -Match 'POST /v1/accounts/T00000221/auth/clients'
        $all.Contains($plain) | Should -BeFalse
        $all.Contains($rotatedPlain) | Should -BeFalse
    }

    It 'is in no error when a client is made but its grant fails' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000222/auth/client-grants'; status = 500; times = -1 }
        try {
            $all = Get-AllStreams { $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; New-DinteroApiClient -AccountId T00000222 -Name 'Web shop' }
        }
        finally { Clear-EmulatorFault }
        $answer = Get-EmulatorRequest POST '/v1/accounts/T00000222/auth/clients' | Select-Object -First 1
        $answer | Should -Not -BeNullOrEmpty

        $all | Should -Match 'Dintero.Rollback'
        $all | Should -Not -Match '"client_secret"\s*:\s*"[^*]'
        Get-EmulatorClient T00000222 | Should -BeNullOrEmpty
    }
}

Describe 'A pipeline stopped downstream' {
    It 'names every client made whose secret the output did not take, on the host and in its report row, and not the one Select-Object took' {
        # The first row's client comes last, so that the other rows are read and made before Select-Object has enough.
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000241/auth/clients'; delayMilliseconds = 1500; times = 1 }
        try {
            $run = Invoke-Runbook @'
$first = 241..244 | ForEach-Object { [pscustomobject]@{ account_id = 'T{0:D8}' -f $_; name = 'Shop' } } | New-DinteroApiClient -ReportVariable report -ThrottleLimit 4 -InformationAction Ignore | Select-Object -First 1
[pscustomobject]@{ first = $first.client_id; secret = $first.Credential.GetNetworkCredential().Password.Length; report = @($report | Select-Object row, outcome, account_id, client_id, id, message, action) }
'@
        }
        finally { Clear-EmulatorFault }

        $run.Result.first | Should -Be 'shop-t00000241'
        $run.Result.secret | Should -BeGreaterThan 20
        $taken = $run.Result.report | Where-Object client_id -eq 'shop-t00000241'
        $taken.message | Should -BeNullOrEmpty
        $run.Output | Should -Not -Match "'shop-t00000241' \(id"
        # Every other client made (the emulator's word, not the report's) is named, with the command that gives it a new secret.
        $made = @(242..244 | ForEach-Object { Get-EmulatorClient ('T{0:D8}' -f $_) })
        $made | Should -HaveCount 3
        foreach ($client in $made) {
            $row = $run.Result.report | Where-Object id -eq $client.id
            $row.outcome | Should -Be 'Created'
            $row.message | Should -Match 'its secret was not delivered'
            $row.action | Should -Be "Give it another secret: Reset-DinteroApiClientSecret -AccountId $($client.account_id) -Id $($client.id)"
            $run.Output | Should -Match ([regex]::Escape("the API client '$($client.client_id)' (id $($client.id)) of account $($client.account_id) has a new secret that was not delivered"))
        }
    }
}

Describe 'Webhooks' {
    BeforeAll {
        $script:hookSecret = 'Hook-Secret-7719-for-the-receiver'
        $script:secure = ConvertTo-SecureString $hookSecret -AsPlainText -Force
        $script:receiverUrl = "$($emulator)_emulator/receiver/shop-hooks"
    }

    It 'subscribes, warns that a test account gets no account events, and skips the same subscription on a run again' {
        $hook = New-DinteroWebhook -AccountId T00000231 -Event account_update, settlement_add -Url $receiverUrl -Secret $secure -WarningVariable warned -WarningAction SilentlyContinue

        $hook.id | Should -Not -BeNullOrEmpty
        $hook.events | Should -Be 'account_update', 'settlement_add'
        $hook.config.secret.type | Should -Be 'HMAC-SHA1'
        $warned[0].Message | Should -Match 'T00000231 is a test account: Dintero sends account_update to production subscriptions only'
        $before = @(Get-EmulatorRequest POST '/v1/accounts/T00000231/hooks/subscriptions').Count

        New-DinteroWebhook -AccountId T00000231 -Event settlement_add -Url $receiverUrl -Secret $secure -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        @(Get-EmulatorRequest POST '/v1/accounts/T00000231/hooks/subscriptions').Count | Should -Be $before
        (Get-DinteroWebhook -AccountId T00000231) | Should -HaveCount 1
        (Get-AllStreams { New-DinteroWebhook -AccountId T00000231 -Event settlement_add -Url $receiverUrl -Secret $secure -Force -Verbose -Debug }).Contains($hookSecret) | Should -BeFalse
        $script:hook = $hook
    }

    It 'pings, and the deliveries show the ping with its status' {
        $hook | Send-DinteroWebhookPing
        Start-Sleep -Milliseconds 500

        $deliveries = $hook | Get-DinteroWebhookDelivery -Last 5
        $deliveries[0].event | Should -Be 'ping'
        $deliveries[0].status | Should -Be 200
        $deliveries[0].success | Should -BeTrue
        $deliveries[0].hook_id | Should -Be $hook.id
    }

    It 'checks a delivery''s signature against its raw body, and fails closed on a parsed body' {
        $received = @(Invoke-RestMethod "$($emulator)_emulator/receiver") | ForEach-Object { $_ } | Where-Object path -like '*/shop-hooks' | Select-Object -Last 1

        Test-DinteroWebhookSignature -Body $received.body -Signature $received.eventSignature -Secret $secure | Should -BeTrue
        Test-DinteroWebhookSignature -Body ([Text.Encoding]::UTF8.GetBytes($received.body)) -Signature $received.eventSignature.ToUpperInvariant() -Secret $secure | Should -BeTrue
        Test-DinteroWebhookSignature -Body ($received.body + ' ') -Signature $received.eventSignature -Secret $secure | Should -BeFalse
        Test-DinteroWebhookSignature -Body $received.body -Signature $received.eventSignature -Secret (ConvertTo-SecureString 'another' -AsPlainText -Force) | Should -BeFalse
        # A parsed body is the receiver's mistake: $false (the delivery is not trusted) and a warning that says why.
        Test-DinteroWebhookSignature -Body ($received.body | ConvertFrom-Json) -Signature $received.eventSignature -Secret $secure -WarningVariable parsed -WarningAction SilentlyContinue | Should -BeFalse
        $parsed[0].Message | Should -Match 'raw body'
    }

    It 'subscribes an account named twice in one sheet once, and its report says what became of each row' {
        $sheet = "account_id,url`nT00000232,$receiverUrl`nT00000233,$receiverUrl`nT00000232,$receiverUrl/`nT00099999,$receiverUrl" | ConvertFrom-Csv

        $made = @($sheet | New-DinteroWebhook -Event settlement_add -Secret $secure -ReportVariable hookReport -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable said -InformationAction SilentlyContinue)

        $made.account_id | Should -Be 'T00000232', 'T00000233'
        @(Get-EmulatorRequest POST '/v1/accounts/T00000232/hooks/subscriptions').Count | Should -Be 1
        @($hookReport.outcome) | Should -Be 'Created', 'Created', 'Skipped', 'Failed'
        $hookReport[0].PSObject.TypeNames[0] | Should -Be 'Dintero.Connections.WebhookReport'
        $hookReport[0].id | Should -Be $made[0].id
        $hookReport[2].message | Should -Match 'names account T00000232 more than once; pipeline item 0 sends the subscription to'
        $hookReport[3].error_id | Should -Be 'Dintero.Access.NotPartnerMerchant'
        $failed | Should -HaveCount 1
        $warned[0].Message | Should -Match '^Skipped: the input names account T00000232 more than once'
        ($said | Out-String) | Should -Match 'New-DinteroWebhook: 4 rows .*Created 2, Skipped 1, Failed 1'
        # The report holds no secret and goes back in as input: the failed row only, the rest skipped as made.
        ($hookReport | ConvertTo-Csv | Out-String).Contains($hookSecret) | Should -BeFalse
        $again = @($hookReport | Where-Object outcome -in 'Created', 'Skipped' | New-DinteroWebhook -Event settlement_add -Secret $secure -ReportVariable second -WarningAction SilentlyContinue -InformationAction SilentlyContinue)
        $again | Should -BeNullOrEmpty
        @($second.outcome) | Should -Be 'Skipped', 'Skipped', 'Skipped'
        @(Get-EmulatorRequest POST '/v1/accounts/T00000232/hooks/subscriptions').Count | Should -Be 1
    }

    It 'plans a sheet under -WhatIf, the repeated account among the rows it would skip, and sends nothing' {
        $sheet = 'T00000234', 'T00000234', 'T00000232' | ForEach-Object { [pscustomobject]@{ account_id = $_; url = $receiverUrl } }
        $before = @(Get-EmulatorRequest POST '*/hooks/subscriptions').Count

        $sheet | New-DinteroWebhook -Event settlement_add -WhatIf -ReportVariable plan -InformationAction SilentlyContinue 6>$null

        @($plan.outcome) | Should -Be 'WouldCreate', 'WouldSkip', 'WouldSkip'
        @(Get-EmulatorRequest POST '*/hooks/subscriptions').Count | Should -Be $before
    }

    It 'says how to go on with the secret given again, never the secret itself, and warns once when no secret signs the deliveries' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000236/hooks/subscriptions'; status = 400; times = 1 }
        try {
            $sheet = 'T00000235', 'T00000236' | ForEach-Object { [pscustomobject]@{ account_id = $_; url = $receiverUrl; events = 'settlement_add' } }
            $null = $sheet | New-DinteroWebhook -Secret $secure -ReportVariable report -ErrorAction SilentlyContinue -InformationVariable said -InformationAction SilentlyContinue
        }
        finally { Clear-EmulatorFault }
        $null = 'T00000237', 'T00000238' | ForEach-Object { [pscustomobject]@{ account_id = $_; url = "$receiverUrl/unsigned"; events = 'settlement_add' } } |
            New-DinteroWebhook -WarningVariable unsigned -WarningAction SilentlyContinue -InformationAction Ignore

        $text = $said | Out-String
        $text | Should -Match ([regex]::Escape("| New-DinteroWebhook -Secret `$secret -ReportVariable report Set `$secret to the signing secret first"))
        $text.Contains($hookSecret) | Should -BeFalse
        @($unsigned | Where-Object Message -Match '^No -Secret') | Should -HaveCount 1
        $unsigned[0].Message | Should -Match 'Test-DinteroWebhookSignature refuses a delivery without a signature'
    }

    It 'keeps a refused row''s URL and events in its report, so that the report mended runs again' {
        $null = [pscustomobject]@{ account_id = 'T00000239'; url = $receiverUrl; events = 'settlement_ad' } | New-DinteroWebhook -Secret $secure -ReportVariable refused -ErrorAction SilentlyContinue -InformationAction Ignore
        $file = Join-Path $TestDrive 'hooks.csv'
        $refused | Export-Csv $file
        (Get-Content $file -Raw) -replace 'settlement_ad\b', 'settlement_add' | Set-Content $file

        $refused[0].outcome | Should -Be 'Failed'
        $refused[0].url | Should -Be $receiverUrl
        $refused[0].events | Should -Be 'settlement_ad'
        $made = Import-Csv $file | Where-Object outcome -eq 'Failed' | New-DinteroWebhook -Secret $secure -InformationAction Ignore
        $made.account_id | Should -Be 'T00000239'
        $made.events | Should -Be 'settlement_add'
    }

    It 'gives rows of one sheet for one URL the same answer whatever the throttle: one subscription' {
        foreach ($case in @{ limit = 1; account = 'T00000245' }, @{ limit = 4; account = 'T00000246' }) {
            $rows = 'settlement_add;checkout_transaction', 'settlement_add', 'transaction' | ForEach-Object { [pscustomobject]@{ account_id = $case.account; url = $receiverUrl; events = $_ } }
            $null = $rows | New-DinteroWebhook -Secret $secure -ThrottleLimit $case.limit -ReportVariable overlap -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore

            @($overlap.outcome) | Should -Be 'Created', 'Skipped', 'Failed'
            $overlap[2].message | Should -Match "give the URL's events in one row"
            @(Get-DinteroWebhook -AccountId $case.account) | Should -HaveCount 1
        }
    }

    It 'removes a subscription, asking first' {
        (Get-Command Remove-DinteroWebhook).ImplementingType.GetCustomAttributes($true) | Where-Object { $_ -is [System.Management.Automation.CmdletAttribute] } |
            ForEach-Object ConfirmImpact | Should -Be 'High'
        Get-DinteroWebhook -AccountId T00000231 | Remove-DinteroWebhook -Confirm:$false
        Get-DinteroWebhook -AccountId T00000231 | Should -BeNullOrEmpty
    }
}
