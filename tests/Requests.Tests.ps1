#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Invoke-DinteroRequest, errors a support ticket can use, retry settings, and the credentials Dintero returns kept out
# of every serialization: as a user meets them in a real pwsh. Run by `dotnet test` (PesterSuiteTests), against an
# emulator where partner T00000000 has the merchants T00000001 to T00000400.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')

    $script:overrides = 'management/settings/connections/payex/overrides'
}

AfterAll {
    Clear-EmulatorFault
}

Describe 'Invoke-DinteroRequest, connected to a merchant account' {
    BeforeAll { Connect-Dintero @merchant }

    It 'PUTs payex/overrides, which no cmdlet wraps, with the session''s token' {
        $before = @(Get-EmulatorRequest PUT '*/payex/overrides').Count

        $answer = Invoke-DinteroRequest -Method PUT -Path $overrides -Body @{ overrides = @(@{ payee_id = 'payee-1' }) }

        $answer.overrides[0].payee_id | Should -Be 'payee-1'
        $answer | Should -BeOfType ([System.Management.Automation.PSCustomObject])
        $sent = @(Get-EmulatorRequest PUT "/v1/accounts/$accountId/management/settings/connections/payex/overrides")
        $sent.Count - $before | Should -Be 1
        $sent[-1].authorizationScheme | Should -Be 'Bearer'
        ($sent[-1].body | ConvertFrom-Json).overrides[0].payee_id | Should -Be 'payee-1'
    }

    It 'takes JSON text and a path from the API root with {aid}, as Dintero''s pages write it' {
        $answer = Invoke-DinteroRequest -Method Put -Path '/v1/accounts/{aid}/management/settings/connections/payex/overrides' -Body '{"overrides": [{"payee_id": "payee-2"}]}'

        $answer.overrides[0].payee_id | Should -Be 'payee-2'
    }

    It 'sends nothing with -WhatIf, and says what it would send' {
        $before = @(Get-EmulatorRequest PUT '*/payex/overrides').Count

        $said = Get-HostText { Invoke-DinteroRequest -Method PUT -Path $overrides -Body @{ overrides = @() } -WhatIf }

        $said | Should -Match "PUT /accounts/$accountId/management/settings/connections/payex/overrides"
        @(Get-EmulatorRequest PUT '*/payex/overrides').Count | Should -Be $before
        # The same request without -WhatIf is seen, so the count above could have moved.
        $null = Invoke-DinteroRequest -Method PUT -Path $overrides -Body @{ overrides = @() } -Confirm:$false
        @(Get-EmulatorRequest PUT '*/payex/overrides').Count | Should -Be ($before + 1)
    }

    It 'reaches a payment approval, and the emulator''s control request moves its case' {
        $body = @{ products = @(@{ product = 'checkout' }); payment_methods = @(@{ payment_method = 'creditcard' }); country_code = 'NO'; organization_number = '912345678'; bank_accounts = @(@{ bank_account_currency = 'NOK'; payout_currency = 'NOK' }) }
        $case = Invoke-DinteroRequest -Method POST -Path management/settings/approvals/payments -Body $body
        $case.case_status | Should -Be 'WAITING_FOR_DECLARATION'

        $moved = Set-EmulatorApprovalStatus -Account $accountId -Id $case.id -Status ACTIVE

        $moved.case_status | Should -Be 'ACTIVE'
        @((Invoke-DinteroRequest -Path 'management/settings/approvals/payments?case_status=ACTIVE').payments).id | Should -Be @($case.id)
        @((Invoke-DinteroRequest -Path 'management/settings/approvals/payments?case_status=WAITING_FOR_DECLARATION').payments) | Should -HaveCount 0
    }

    It 'creates API clients from the pipeline and lists them all with -All over three pages' {
        $existing = @(Invoke-DinteroRequest -Path auth/clients -All).Count
        $rows = 1..24 | ForEach-Object { [pscustomobject]@{ Body = @{ name = "pester-$_"; client_id = "pester-client-$_" } } }
        $created = $rows | Invoke-DinteroRequest -Method POST -Path auth/clients -ThrottleLimit 4
        @($created).Count | Should -Be 24
        @($created).name | Should -Be (1..24 | ForEach-Object { "pester-$_" })
        $before = @(Get-EmulatorRequest GET "/v1/accounts/$accountId/auth/clients").Count

        $all = Invoke-DinteroRequest -Path auth/clients -All -PageSize 10

        # The emulator's own clients of the account (two), and the 24: three pages of ten.
        @($all).Count | Should -Be ($existing + 24)
        $existing + 24 | Should -BeGreaterThan 20
        $pages = @(Get-EmulatorRequest GET "/v1/accounts/$accountId/auth/clients" | Select-Object -Skip $before)
        $pages.Count | Should -Be 3
        $pages[0].query | Should -Match 'limit=10'
        $pages[1].query | Should -Match 'starting_after='
    }

    It 'asks for no further page once the pipeline has enough' {
        $before = @(Get-EmulatorRequest GET "/v1/accounts/$accountId/auth/clients").Count

        $first = Invoke-DinteroRequest -Path auth/clients -All -PageSize 5 | Select-Object -First 3

        @($first).Count | Should -Be 3
        @(Get-EmulatorRequest GET "/v1/accounts/$accountId/auth/clients").Count - $before | Should -Be 1
    }

    It 'writes ordered hashtables with -AsHashtable, and the JSON text with -Raw' {
        $table = Invoke-DinteroRequest -Path auth/clients -Query @{ limit = 2 } -AsHashtable
        $table[0] | Should -BeOfType ([System.Collections.Specialized.OrderedDictionary])
        @($table[0].Keys)[0] | Should -Be 'id'
        $table[0].NAME | Should -Be $table[0]['name']

        $raw = Invoke-DinteroRequest -Path auth/clients -Query @{ limit = 2 } -Raw
        $raw | Should -BeOfType ([string])
        @($raw | ConvertFrom-Json).Count | Should -Be 2
    }

    It 'sets -StatusCodeVariable and -ResponseHeadersVariable in the caller''s scope, also for an error' {
        function Test-Variables {
            $null = Invoke-DinteroRequest -Path management/settings -StatusCodeVariable status -ResponseHeadersVariable headers
            $status, $headers['Content-Type']
        }
        $ok = Test-Variables
        $ok[0] | Should -Be 200
        $ok[1] | Should -Match 'application/json'

        $null = Invoke-DinteroRequest -Path management/settings/connections/nothing-here -StatusCodeVariable failed -ResponseHeadersVariable failedHeaders -ErrorAction SilentlyContinue -ErrorVariable problem
        $failed | Should -Be 404
        $failedHeaders.Keys | Should -Contain 'Date'
        $problem[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Api.404*'
    }

    It 'refuses a bad request with the field and what is accepted, before sending anything' {
        $before = @(Get-EmulatorRequest).Count

        $null = Invoke-DinteroRequest -Path management/settings -Body @{ a = 1 } -ErrorVariable failures -ErrorAction SilentlyContinue
        $null = Invoke-DinteroRequest -Path https://elsewhere.example/v1/accounts/T00000001/x -ErrorVariable +failures -ErrorAction SilentlyContinue
        $null = Invoke-DinteroRequest -Method POSTT -Path auth/clients -ErrorVariable +failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 3
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'Dintero.ValidationFailed*' }
        $failures[0].Exception.Message | Should -Match 'Body: .*GET, which takes none'
        $failures[1].Exception.Message | Should -Match 'outside the connected API'
        $failures[2].Exception.Message | Should -Match "Did you mean 'POST'"
        @(Get-EmulatorRequest).Count | Should -Be $before
    }

    It 'shows each request and answer at -Debug, with no secret in any stream' {
        $text = Get-AllStreams { Invoke-DinteroRequest -Method POST -Path auth/clients -Body @{ name = 'debugged' } -Debug -Verbose }
        $created = Invoke-DinteroRequest -Method POST -Path auth/clients -Body @{ name = 'debugged-2' }
        $plain = $created.client_secret.GetPlainText()

        $text | Should -Match 'POST /v1/accounts/.*/auth/clients request headers: .*X-Request-Id: [0-9a-f-]{36}'
        $text | Should -Match 'response headers: .*body: .*"client_secret":\s*"\*\*\*"'
        $text | Should -Match '-> 200 OK'
        $text | Should -Not -Match 'eyJ[A-Za-z0-9_-]+\.'
        $text | Should -Not -Match ([regex]::Escape($env:DINTERO_TEST_CLIENT_SECRET))
        $plain.Length | Should -BeGreaterThan 20
        (Get-AllStreams { $created | Format-List * | Out-String; $created | ConvertTo-Json }) | Should -Not -Match ([regex]::Escape($plain))
    }
}

Describe 'Invoke-DinteroRequest as a partner' {
    BeforeAll { Connect-Dintero @partner }

    It 'reaches a merchant''s endpoint through the token exchange, and pages through its list' {
        1..21 | ForEach-Object { @{ name = "merchant-client-$_" } } | ForEach-Object { [pscustomobject]@{ Body = $_ } } |
            Invoke-DinteroRequest -Method POST -Path /accounts/T00000123/auth/clients | Out-Null
        $before = @(Get-EmulatorRequest GET '/v1/accounts/T00000123/auth/clients').Count

        $all = Invoke-DinteroRequest -Path /accounts/T00000123/auth/clients -All -PageSize 10
        $text = Get-AllStreams { Invoke-DinteroRequest -Path /accounts/T00000124/auth/clients -All -PageSize 10 -Debug -Verbose }

        @($all).Count | Should -Be 21
        # The exchange and the merchant's token were fetched, and logged, without their tokens or the partner's secret.
        $text | Should -Match 'auth/exchange_token request headers: .*Authorization: Bearer \*\*\*'
        $text | Should -Match '"access_token":\s*"\*\*\*"'
        $text | Should -Not -Match 'eyJ[A-Za-z0-9_-]+\.'
        $text | Should -Not -Match ([regex]::Escape($env:DINTERO_TEST_PARTNER_CLIENT_SECRET))
        @(Get-EmulatorRequest GET '/v1/accounts/T00000123/auth/clients').Count - $before | Should -Be 3
        @(Get-EmulatorRequest POST "/v1/accounts/$partnerId/auth/exchange_token").Count | Should -BeGreaterOrEqual 1
        @(Get-EmulatorRequest POST '/v1/accounts/T00000123/auth/token').Count | Should -Be 1
    }

    It 'takes each merchant of a sheet by property name, with -WhatIf sending nothing' {
        $before = @(Get-EmulatorRequest PUT '*/payex/overrides').Count
        $rows = 'T00000124', 'T00000125' | ForEach-Object { [pscustomobject]@{ account_id = $_; Body = @{ overrides = @(@{ payee_id = "payee-$_" }) } } }

        $said = Get-HostText { $rows | Invoke-DinteroRequest -Method PUT -Path $overrides -WhatIf }
        @(Get-EmulatorRequest PUT '*/payex/overrides').Count | Should -Be $before
        $said | Should -Match 'T00000124'
        $said | Should -Match 'T00000125'

        $answers = $rows | Invoke-DinteroRequest -Method PUT -Path $overrides -Confirm:$false
        @($answers).overrides.payee_id | Should -Be @('payee-T00000124', 'payee-T00000125')
        @(Get-EmulatorRequest PUT '/v1/accounts/T0000012[45]/management/settings/connections/payex/overrides').Count | Should -Be 2
    }

    It 'fails a row whose merchant is not the partner''s, and goes on' {
        $rows = 'T99000001', 'T00000126' | ForEach-Object { [pscustomobject]@{ account_id = $_ } }

        $read = $rows | Invoke-DinteroRequest -Path management/settings -ErrorVariable failures -ErrorAction SilentlyContinue

        @($read).Count | Should -Be 1
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Access.NotPartnerMerchant*'
        $failures[0].CategoryInfo.TargetName | Should -Be 'pipeline item 0, account T99000001'
    }
}

Describe 'Errors a support ticket can use' {
    BeforeAll { Connect-Dintero @merchant }
    AfterEach { Clear-EmulatorFault }

    It 'shows a 500''s status, time and request id in the error view, and keeps the answer''s headers' {
        Add-EmulatorFault @{ Method = 'GET'; Path = '/v1/accounts/*/management/settings'; Status = 500 }

        $null = Get-DinteroAccountSetting -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $sent = @(Get-EmulatorRequest GET "/v1/accounts/$accountId/management/settings")[-1]
        # Windows PowerShell's view, and the message PowerShell 7's ConciseView prints on one line.
        $ErrorView = 'NormalView'
        $view = $failures[0] | Out-String -Width 300
        $view | Should -Match 'Dintero answered 500 to GET'
        $view | Should -Match "Request id $($sent.requestId) \(sent as X-Request-Id\) at \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ"
        $failures[0].ErrorDetails.Message | Should -Match "Request id $($sent.requestId)"
        $failures[0].Exception.StatusCode | Should -Be 500
        $failures[0].Exception.Trace.RequestId | Should -Be $sent.requestId
        $failures[0].Exception.ResponseHeaders['Content-Type'] | Should -Match 'application/json'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match $sent.requestId
    }

    It 'gives a throttling give-up its own ErrorId, apart from other errors; a wait longer than -MaxRetryAfter ends the command, with no retry' {
        Add-EmulatorFault @{ Method = 'GET'; Path = '/v1/accounts/*/management/settings'; Status = 429; RetryAfterSeconds = 600 }
        $before = @(Get-EmulatorRequest GET "/v1/accounts/$accountId/management/settings").Count

        $failure = try { $null = Get-DinteroAccountSetting -ErrorAction SilentlyContinue; $null } catch { $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'Dintero.Throttled*'
        $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failure.Exception.RetryAfter | Should -Be ([timespan]::FromSeconds(600))
        $failure.Exception.WaitRefused | Should -Be ([timespan]::FromSeconds(600))
        $failure.ErrorDetails.RecommendedAction | Should -Match 'Nothing was processed'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'no retry was made'
        @(Get-EmulatorRequest GET "/v1/accounts/$accountId/management/settings").Count - $before | Should -Be 1
        Clear-EmulatorFault
    }

    It 'keeps the retry settings in the context, and uses them' {
        $context = Connect-Dintero @merchant -MaxRetries 0 -RequestTimeout 00:00:30 -MaxRetryAfter 00:05:00 -PassThru
        $context.MaxRetries | Should -Be 0
        $context.RequestTimeout | Should -Be ([timespan]'00:00:30')
        $context.MaxRetryAfter | Should -Be ([timespan]'00:05:00')
        Add-EmulatorFault @{ Method = 'GET'; Path = '/v1/accounts/*/management/settings'; Status = 503; Times = 2 }
        $before = @(Get-EmulatorRequest GET "/v1/accounts/$accountId/management/settings").Count

        $null = Get-DinteroAccountSetting -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].Exception.StatusCode | Should -Be 503
        @(Get-EmulatorRequest GET "/v1/accounts/$accountId/management/settings").Count - $before | Should -Be 1
        $defaults = Connect-Dintero @merchant -PassThru
        $defaults.MaxRetries | Should -Be 3
        $defaults.RequestTimeout | Should -Be ([timespan]::FromSeconds(100))
        $defaults.MaxRetryAfter | Should -Be ([timespan]::FromSeconds(60))
    }

    It 'refuses retry settings out of range, with the range' {
        { Connect-Dintero @merchant -MaxRetries 11 } | Should -Throw -ExpectedMessage '*maximum allowed range of 10*'
        { Connect-Dintero @merchant -RequestTimeout 00:20:00 } | Should -Throw -ExpectedMessage '*from 00:00:01 to 00:10:00*'
        { Connect-Dintero @merchant -MaxRetryAfter 02:00:00 } | Should -Throw -ExpectedMessage '*from 00:00:00 to 01:00:00*'
    }
}

Describe 'Credentials Dintero returns, in every serialization' {
    BeforeAll {
        Connect-Dintero @merchant
        $script:bambora = New-DinteroBamboraConnection -Signup @{
            payment_options = @{ type = 'bambora.creditcard'; currencies = 'NOK' }
            revenue         = @{ currency = 'NOK'; accept_prepaid = 'false' }
            bank_name       = 'DNB'
            account_number  = '15036012345'
        }
        $null = New-DinteroVippsConnection
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/$accountId/connections/vipps/status" -ContentType 'application/json' -Body '{"status":"enabled"}'
        $script:connections = @(Get-DinteroConnection)
        $vipps = $connections | Where-Object connection_type -eq 'Vipps'
        $script:plain = @(
            $bambora.configuration.md5_key.GetPlainText()
            $bambora.configuration.secret_token.GetPlainText()
            $bambora.configuration.access_token.GetPlainText()
            $vipps.configuration.client_id.GetPlainText()
            $vipps.configuration.subscription_keys | ForEach-Object { $_.ocp_apim_subscription_key.GetPlainText() }
        )
    }

    It 'has the credentials to look for, readable deliberately with GetPlainText()' {
        $plain.Count | Should -BeGreaterOrEqual 5
        $plain | ForEach-Object { $_.Length | Should -BeGreaterOrEqual 4 }
        "$($bambora.configuration.md5_key)" | Should -Be '***'
        $bambora.configuration.md5_key.ToSecureString() | Should -BeOfType ([securestring])
    }

    It 'writes none of them with <Name>' -ForEach @(
        @{ Name = 'ConvertTo-Json'; Write = { param($objects) $objects | ConvertTo-Json -Depth 20 } }
        @{ Name = 'Export-Clixml'; Write = { param($objects) $file = Join-Path $TestDrive 'c.xml'; $objects | Export-Clixml $file -Depth 20; Get-Content $file -Raw } }
        @{ Name = 'Export-Csv'; Write = { param($objects) $file = Join-Path $TestDrive 'c.csv'; $objects | Export-Csv $file -NoTypeInformation; $objects.configuration | Export-Csv (Join-Path $TestDrive 'd.csv') -NoTypeInformation; (Get-Content $file -Raw) + (Get-Content (Join-Path $TestDrive 'd.csv') -Raw) } }
        @{ Name = 'Out-String'; Write = { param($objects) ($objects | Format-List * | Out-String -Width 500) + ($objects.configuration | Format-List * | Out-String -Width 500) + ($objects | Out-String) } }
        @{ Name = 'string interpolation'; Write = { param($objects) $objects.configuration | ForEach-Object { "$_ $($_.md5_key) $($_.client_id) $($_.subscription_keys)" } } }
    ) {
        $text = (& $Write $connections) -join "`n"

        $text | Should -Not -BeNullOrEmpty
        foreach ($secret in $plain) { $text | Should -Not -Match ([regex]::Escape($secret)) }
        $text | Should -Match '\*\*\*'
    }

    It 'keeps an Invoke-DinteroRequest answer''s credentials out of ConvertTo-Json and -Raw too' {
        $client = Invoke-DinteroRequest -Method POST -Path auth/clients -Body @{ name = 'serialized' }
        $secret = $client.client_secret.GetPlainText()
        $raw = Invoke-DinteroRequest -Path management/settings/connections/bambora -Raw

        ($client | ConvertTo-Json) | Should -Not -Match ([regex]::Escape($secret))
        ($client | ConvertTo-Json) | Should -Match '"Masked":\s*"\*\*\*"'
        $raw | Should -Match '"md5_key":\s*"\*\*\*"'
        foreach ($value in $plain) { $raw | Should -Not -Match ([regex]::Escape($value)) }
    }
}
