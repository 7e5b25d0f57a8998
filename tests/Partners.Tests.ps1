#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Partner mode as a partner runs it, against an emulator that authorizes as Dintero does: the partner's client
# reaches its merchants through the token exchange and nothing else; a merchant's client reaches its own account
# only. Run by `dotnet test` (PesterSuiteTests): partner T00000000 has the merchants T00000001 to T00000400.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')

    function script:New-Invite([string] $Email, [string] $Reference) {
        @{
            applicant = @{ email = $Email; first_name = 'Kari'; signup_reference = $Reference }
            company   = @{ business_name = "Merchant $Reference AS"; address = @{ address_line = 'Storgata 1'; postal_code = '0155'; postal_place = 'Oslo'; country = 'NO' } }
        }
    }
}

Describe 'Connecting as a partner' {
    It 'connects with the partner account, and the context says so' {
        $context = Connect-Dintero @partner -PassThru
        $context.IsPartner | Should -BeTrue
        $context.Role | Should -Be 'Partner'
        (Get-DinteroContext | Format-Table | Out-String) | Should -Match "$partnerId\s+Test\s+Partner"
    }

    It 'reaches a merchant with an exchange and a token, once, however many calls use it' {
        Connect-Dintero @partner
        $before = @(Get-EmulatorRequest POST '*/auth/exchange_token').Count
        1..5 | ForEach-Object { $null = Get-DinteroAccountSetting -AccountId T00000321 }
        Get-DinteroConnection -AccountId T00000321 | Should -BeNullOrEmpty
        @(Get-EmulatorRequest POST '*/auth/exchange_token').Count - $before | Should -Be 1
        @(Get-EmulatorRequest POST '/v1/accounts/T00000321/auth/token').Count | Should -Be 1
    }

    It 'fails a sheet row whose merchant is not the partner''s alone, with its number and account, and goes on' {
        Connect-Dintero @partner
        $rows = 'T00000331', 'T99000007', 'T00000332' | ForEach-Object { [pscustomobject]@{ account_id = $_; organization_number = '912345678' } }

        $changed = $rows | Set-DinteroAccountSetting -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        @($changed).account_id | Should -Be @('T00000331', 'T00000332')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Access.NotPartnerMerchant*'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].CategoryInfo.TargetName | Should -Be 'pipeline item 1, account T99000007'
        $failures[0].ErrorDetails.Message | Should -Match "^Pipeline item 1: T99000007 is not a merchant of partner $partnerId"
        @(Get-EmulatorRequest GET '/v1/accounts/T99000007/*').Count | Should -Be 0
    }

    It 'ends a batch with one error when the partner''s credentials are refused, instead of one per row' {
        $spare = $partner.Clone()
        $spare.ClientId = $env:DINTERO_TEST_SPARE_CLIENT_ID
        $spare.ClientSecret = ConvertTo-SecureString $env:DINTERO_TEST_SPARE_CLIENT_SECRET -AsPlainText -Force
        $context = Connect-Dintero @spare -PassThru
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/clients/$($env:DINTERO_TEST_SPARE_CLIENT_ID)/revoke"
        $before = @(Invoke-RestMethod "$($emulator)_emulator/requests").Count
        $rows = 341..360 | ForEach-Object { [pscustomobject]@{ account_id = 'T{0:D8}' -f $_ } }

        $thrown = $null
        try { $rows | Get-DinteroAccountSetting -Context $context -ThrottleLimit 4 -ErrorAction Continue -ErrorVariable failures } catch { $thrown = $_ }

        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'Dintero.Access.CredentialsRefused*'
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'Dintero.Access*' }).Count | Should -BeLessOrEqual 1
        # One token request found the credentials refused; the other rows sent nothing.
        @(Invoke-RestMethod "$($emulator)_emulator/requests").Count - $before | Should -BeLessOrEqual 4
        ($thrown | Out-String) | Should -Not -Match $env:DINTERO_TEST_SPARE_CLIENT_SECRET
    }
}

Describe 'A merchant''s own client' {
    It 'reaches its own account, and no other: the error says how to reach merchants' {
        Connect-Dintero @merchant
        (Get-DinteroAccountSetting).account_id | Should -Be $env:DINTERO_TEST_ACCOUNT_ID
        $beforeSignups = @(Get-EmulatorRequest POST '*/connections/common').Count

        $rows = @(
            [pscustomobject]@{ account_id = 'T00000371'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }
            [pscustomobject]@{ account_id = $env:DINTERO_TEST_ACCOUNT_ID; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }
        )
        $created = $rows | New-DinteroCommonConnection -ErrorVariable failures -ErrorAction SilentlyContinue

        @($created).account_id | Should -Be @($env:DINTERO_TEST_ACCOUNT_ID)
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Access.OtherAccount*'
        $failures[0].ErrorDetails.Message | Should -Match 'cannot reach account T00000371'
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'partner account'
        @(Get-EmulatorRequest POST '/v1/accounts/T00000371/management/*').Count | Should -Be 0
        @(Get-EmulatorRequest POST '*/connections/common').Count - $beforeSignups | Should -Be 1
    }

    It 'is no partner: Get-DinteroAccount and New-DinteroMerchantInvite end at once, saying what to connect with' {
        Connect-Dintero @merchant
        { Get-DinteroAccount } | Should -Throw -ErrorId 'Dintero.NotPartner,*'
        { New-DinteroMerchantInvite -Invite (New-Invite 'x@example.com' 'x') } | Should -Throw -ErrorId 'Dintero.NotPartner,*'
        try { Get-DinteroAccount } catch { $_.Exception.Message | Should -Match 'ends in 00000' }
    }
}

Describe 'Get-DinteroAccount' {
    BeforeAll { Connect-Dintero @partner }

    It 'lists the partner''s merchants as typed objects with a table view' {
        $accounts = @(Get-DinteroAccount -PageSize 100 | Select-Object -First 150)
        $accounts | Should -HaveCount 150
        $accounts[0] | Should -BeOfType ([Dintero.Connections.Models.DinteroAccount])
        $accounts[0].account_id | Should -Be 'T00000001'
        $table = $accounts[0..1] | Format-Table | Out-String -Width 200
        $table | Should -Match 'account_id\s+business_name\s+signup_reference\s+connection_status'
    }

    It 'asks for no further page once the pipeline has what it wants' {
        $before = @(Get-EmulatorRequest GET "/v1/accounts/$partnerId/management/accounts").Count
        $first = Get-DinteroAccount -PageSize 2 | Select-Object -First 3
        @($first).account_id | Should -Be @('T00000001', 'T00000002', 'T00000003')
        @(Get-EmulatorRequest GET "/v1/accounts/$partnerId/management/accounts").Count - $before | Should -Be 2
    }

    It 'filters as Dintero does: which of my merchants are still pending on Vipps is one pipeline' {
        Connect-Dintero @partner
        'T00000381', 'T00000382' | ForEach-Object { [pscustomobject]@{ account_id = $_; organization_number = '912345678' } } | Set-DinteroAccountSetting
        $null = 'T00000381', 'T00000382' | ForEach-Object { [pscustomobject]@{ account_id = $_ } } | New-DinteroVippsConnection
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/T00000382/connections/vipps/status" -ContentType 'application/json' -Body '{"status":"enabled"}'

        $pending = Get-DinteroAccount -ConnectionType Vipps -ConnectionStatus pending | Get-DinteroConnection -ConnectionType Vipps

        @($pending).account_id | Should -Be @('T00000381')
        $pending.status | Should -Be 'pending'
        (Get-DinteroAccount -AccountId T00000382).connection_status.Vipps | Should -Be 'enabled'
        { Get-DinteroAccount -ConnectionStatus pendng -ErrorAction Stop } | Should -Throw '*Did you mean ''pending''*'
    }

    It 'takes the kind as -ConnectionType on all three cmdlets, and still as -Type and -Connection, which complete too' {
        # Scripts written before the one spelling: Get-DinteroConnection and Wait-DinteroConnection had -Type,
        # Get-DinteroAccount had -Connection. Either name binds on each of the three, and completes the kinds.
        Set-DinteroAccountSetting -AccountId T00000383 -OrganizationNumber 912345678
        $null = New-DinteroVippsConnection -AccountId T00000383
        foreach ($name in 'ConnectionType', 'Type', 'Connection') {
            $kind = @{ $name = 'Vipps' }
            @(Get-DinteroAccount @kind -ConnectionStatus pending).account_id | Should -Contain 'T00000383' -Because "Get-DinteroAccount -$name"
            @(Get-DinteroAccount @kind -ConnectionStatus enabled).account_id | Should -Not -Contain 'T00000383' -Because "Get-DinteroAccount -$name"
            (Get-DinteroConnection -AccountId T00000383 @kind).connection_type | Should -Be 'Vipps' -Because "Get-DinteroConnection -$name"
            foreach ($command in 'Get-DinteroAccount', 'Get-DinteroConnection', 'Wait-DinteroConnection') {
                $script = "$command -$name Vi"
                (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText | Should -Be @('Vipps') -Because $script
            }
        }
        # Without a kind Wait-DinteroConnection waits for Common, which T00000383 lacks: each spelling must bind for Vipps to be read.
        Set-EmulatorStatus T00000383 vipps enabled
        foreach ($name in 'ConnectionType', 'Type', 'Connection') {
            $kind = @{ $name = 'Vipps' }
            (Wait-DinteroConnection -AccountId T00000383 @kind -Timeout 00:00:05 -PollInterval 00:00:00.100).status | Should -Be 'enabled' -Because "Wait-DinteroConnection -$name"
        }
        # Positions as they were: the kind is Get-DinteroConnection's and Wait-DinteroConnection's first.
        (Get-DinteroConnection Vipps -AccountId T00000383).connection_type | Should -Be 'Vipps'
    }

    It 'reads one merchant per row by property name, and pipes on by account_id' {
        $rows = 'T00000391', 'T00000392' | ForEach-Object { [pscustomobject]@{ account_id = $_; organization_number = '923456789' } }
        $accounts = $rows | Get-DinteroAccount
        @($accounts).account_id | Should -Be @('T00000391', 'T00000392')
        $settings = $accounts | Set-DinteroAccountSetting -OrganizationNumber 923456789 -PassThru
        @($settings).company.organization_number | Should -Be @('923456789', '923456789')
        ($accounts | Get-DinteroAccountSetting).account_id | Should -Be @('T00000391', 'T00000392')
    }
}

Describe 'Invitations and onboarding links' {
    BeforeAll { Connect-Dintero @partner }

    It 'invites from a hashtable and from an Import-Csv sheet; the applicants accept and their accounts carry the references' {
        $csv = Join-Path $TestDrive 'invitations.csv'
        @'
applicant.email,applicant.signup_reference,company.business_name,company.address.address_line,company.address.postal_place,company.address.country,notes
ola@havet.example,shop-2001,Havet AS,Kaia 2,Bergen,NO,first
per@fjell.example,shop-2002,Fjell AS,Berg 3,Tromso,NO,second
'@ | Set-Content $csv
        $one = New-DinteroMerchantInvite -Invite (New-Invite 'kari@fjordkaffe.example' 'shop-2000')
        $many = Import-Csv $csv | New-DinteroMerchantInvite -WarningVariable warned -WarningAction SilentlyContinue

        $one.prefill_id | Should -Not -BeNullOrEmpty
        @($many).signup_reference | Should -Be @('shop-2001', 'shop-2002')
        ($many | Format-Table | Out-String -Width 200) | Should -Match 'prefill_id\s+email\s+signup_reference'
        $warned | Should -HaveCount 1
        $warned[0].Message | Should -Match "'notes'"

        $accepted = Invoke-RestMethod -Method Post "$($emulator)_emulator/partners/$partnerId/invitations/accept"
        @($accepted).Count | Should -Be 3
        $joined = Get-DinteroAccount | Where-Object signup_reference -like 'shop-200*'
        @($joined).signup_reference | Sort-Object | Should -Be @('shop-2000', 'shop-2001', 'shop-2002')
        ($joined | Where-Object signup_reference -eq 'shop-2001').business_name | Should -Be 'Havet AS'
    }

    It 'refuses a bad row before sending, with its number, and a row that names an account already; -WhatIf sends nothing' {
        $before = @(Get-EmulatorRequest POST '*/signup/prefill').Count
        $rows = @(
            [pscustomobject]@{ 'applicant.email' = 'a@b.example'; 'company.business_name' = 'A AS'; 'company.address.address_line' = 'Gate 1'; 'company.address.postal_place' = 'Oslo'; 'company.address.country' = 'NO' }
            [pscustomobject]@{ 'applicant.email' = 'c@d.example'; 'company.business_name' = 'C AS' }
            [pscustomobject]@{ account_id = 'T00000005'; 'applicant.email' = 'e@f.example'; 'company.business_name' = 'E AS'; 'company.address.address_line' = 'Gate 1'; 'company.address.postal_place' = 'Oslo'; 'company.address.country' = 'NO' }
        )
        $rows | New-DinteroMerchantInvite -WhatIf
        @(Get-EmulatorRequest POST '*/signup/prefill').Count | Should -Be $before

        $sent = $rows | New-DinteroMerchantInvite -ErrorVariable failures -ErrorAction SilentlyContinue
        @($sent).email | Should -Be @('a@b.example')
        $failures | Should -HaveCount 2
        $failures[0].ErrorDetails.Message | Should -Match '(?s)^Pipeline item 1: .*invite\.company\.address: The address is required'
        $failures[1].ErrorDetails.Message | Should -Match 'names account T00000005: that merchant has an account already'
        @(Get-EmulatorRequest POST '*/signup/prefill').Count - $before | Should -Be 1
    }

    It 'gives onboarding links that print as their URL, under the sheet''s own keys' {
        $links = [pscustomobject]@{ signup_reference = 'shop-3001' }, [pscustomobject]@{ signup_reference = 'shop-3002' } | Get-DinteroOnboardingLink
        @($links).url | Should -Be @('https://onboarding.dintero.com/?partner=000&signup_reference=shop-3001', 'https://onboarding.dintero.com/?partner=000&signup_reference=shop-3002')
        "Sign up here: $($links[0])" | Should -Be 'Sign up here: https://onboarding.dintero.com/?partner=000&signup_reference=shop-3001'
        (Get-DinteroOnboardingLink -SignupReference x -Prefilled).url | Should -BeLike 'https://onboarding.dintero.com/prefill?partner=000*'
        { Get-DinteroOnboardingLink -PartnerId T00000001 } | Should -Throw -ErrorId 'Dintero.NotPartner,*'
    }

    It 'prints a Common signup link as its URL too' {
        Set-DinteroAccountSetting -AccountId T00000398 -OrganizationNumber 912345678
        $link = New-DinteroCommonSignupLink -AccountId T00000398
        "Sign here: $link" | Should -Match '^Sign here: http://127\.0\.0\.1:\d+/signup/'
    }
}
