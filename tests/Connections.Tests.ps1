#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The main flows against the Dintero emulator, as a user runs them: hashtables, Import-Csv pipelines, -WhatIf,
# bad input, API errors, formatting, streams, sessions. Run by `dotnet test` (PesterSuiteTests), which starts
# the emulator and sets DINTERO_TEST_MODULE, DINTERO_TEST_BASE_URI, DINTERO_TEST_EMULATOR,
# DINTERO_TEST_CLIENT_ID, DINTERO_TEST_CLIENT_SECRET and DINTERO_TEST_ACCOUNT_ID.

BeforeAll {
    # These tests sign the same accounts up again and again, for what each shows; a re-run that skips existing
    # connections, the default, is tests/Reruns.Tests.ps1's.
    $PSDefaultParameterValues['New-Dintero*Connection:Force'] = $true
    Import-Module $env:DINTERO_TEST_MODULE -Force
    $script:module = $env:DINTERO_TEST_MODULE
    $script:emulator = $env:DINTERO_TEST_EMULATOR
    $script:accountId = $env:DINTERO_TEST_ACCOUNT_ID
    $script:secret = ConvertTo-SecureString $env:DINTERO_TEST_CLIENT_SECRET -AsPlainText -Force
    # Both of Dintero's paths: a merchant's own client reaches its own account only (T00000001); the partner's client
    # reaches every merchant of partner T00000000 (T00000001 to T00000400) through the token exchange.
    $script:connect = @{ AccountId = $accountId; ClientId = $env:DINTERO_TEST_CLIENT_ID; ClientSecret = $secret; BaseUri = $env:DINTERO_TEST_BASE_URI }
    $script:partnerId = $env:DINTERO_TEST_PARTNER_ID
    $script:partner = @{ AccountId = $partnerId; ClientId = $env:DINTERO_TEST_PARTNER_CLIENT_ID; ClientSecret = (ConvertTo-SecureString $env:DINTERO_TEST_PARTNER_CLIENT_SECRET -AsPlainText -Force); BaseUri = $env:DINTERO_TEST_BASE_URI }
    $script:partnerContext = Connect-Dintero @partner -PassThru
    $script:ssn = '01019012345'
    $script:bankAccount = '15036012345'

    # Invoke-RestMethod writes a JSON array as one object: assigned first, it is enumerated item by item.
    function script:Get-EmulatorRequest([string] $Method, [string] $PathSuffix) {
        $log = Invoke-RestMethod "$($emulator)_emulator/requests"
        @($log | Where-Object { $_.method -eq $Method -and $_.path.EndsWith($PathSuffix) })
    }

    function script:Add-EmulatorFault([hashtable] $Fault) {
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json)
    }

    function script:New-Signup {
        @{ payment_options = @(@{ type = 'dintero.zero'; currencies = @('NOK') }); store_type = 'online' }
    }
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

Describe 'New-DinteroCommonConnection' {
    BeforeAll { Connect-Dintero @connect }

    It 'creates a connection from a hashtable' {
        $connection = New-DinteroCommonConnection -Signup (New-Signup)
        $connection | Should -BeOfType ([Dintero.Connections.Models.CommonConnection])
        $connection.status | Should -Be 'pending'
        $connection.account_id | Should -Be $accountId
        $connection.signup.payment_options[0].type | Should -Be 'dintero.zero'
    }

    It 'takes JSON text and objects from ConvertFrom-Json' {
        $json = New-Signup | ConvertTo-Json -Depth 5
        (New-DinteroCommonConnection -Signup $json).status | Should -Be 'pending'
        ($json | ConvertFrom-Json | New-DinteroCommonConnection).status | Should -Be 'pending'
        ([pscustomobject]@{ PaymentOptions = @{ Type = 'vipps'; Currencies = 'NOK' }; StoreType = 'instore' } | New-DinteroCommonConnection).signup.store_type | Should -Be 'instore'
    }

    It 'creates connections from Import-Csv rows, and one bad row does not stop the others' {
        $csv = Join-Path $TestDrive 'merchants.csv'
        @"
account_id,payment_options[0].type,payment_options[0].currencies,store_type,revenue.currency,revenue.accept_prepaid
$accountId,dintero.zero,NOK,online,NOK,yes
$accountId,dintero.zero,NOK,onlin,NOK,no
$accountId,vipps,NOK;SEK,online;instore,NOK,false
"@ | Set-Content -Path $csv
        $before = @(Get-EmulatorRequest POST '/connections/common').Count

        $created = Import-Csv $csv | New-DinteroCommonConnection -ErrorVariable failures -ErrorAction SilentlyContinue

        @($created).Count | Should -Be 2
        $created[1].signup.payment_options[0].currencies | Should -Be @('NOK', 'SEK')
        $created[1].signup.store_type | Should -Be @('online', 'instore')
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.ValidationFailed*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].ErrorDetails.Message | Should -Match 'Pipeline item 1'
        $failures[0].ErrorDetails.Message | Should -Match "signup.store_type\[0\].*Did you mean 'online'"
        $failures[0].TargetObject.store_type | Should -Be 'onlin'
        @(Get-EmulatorRequest POST '/connections/common').Count - $before | Should -Be 2
    }

    It 'numbers every row, also one whose account_id is malformed, so each error names its own row' {
        Set-DinteroAccountSetting -Context $partnerContext -AccountId T00000051 -OrganizationNumber 912345678
        # Row 1's account id is malformed; row 2's account has no organization number, so Dintero refuses it (400).
        $rows = @(
            [pscustomobject]@{ account_id = 'T00000051'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }
            [pscustomobject]@{ account_id = 'X51'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }
            [pscustomobject]@{ account_id = 'T00000052'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }
            [pscustomobject]@{ account_id = 'T00000051'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }
        )
        $before = @(Get-EmulatorRequest POST '/connections/common').Count

        $created = $rows | New-DinteroCommonConnection -Context $partnerContext -ErrorVariable failures -ErrorAction SilentlyContinue

        @($created).account_id | Should -Be @('T00000051', 'T00000051')
        @($failures).Count | Should -Be 2
        $failures[0].ErrorDetails.Message | Should -Match '^Pipeline item 1: '
        $failures[0].ErrorDetails.Message | Should -Match "AccountId: 'X51'"
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.ValidationFailed*'
        $failures[0].TargetObject.account_id | Should -Be 'X51'
        $failures[1].ErrorDetails.Message | Should -Match '^Pipeline item 2: '
        $failures[1].CategoryInfo.TargetName | Should -Be 'pipeline item 2, account T00000052'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'Dintero.Api.400.*'
        @(Get-EmulatorRequest POST '/connections/common').Count - $before | Should -Be 3
    }

    It 'binds an account_id column or property to -AccountId' {
        Set-DinteroAccountSetting -Context $partnerContext -AccountId T00000031 -OrganizationNumber 912345678
        $row = [pscustomobject]@{ account_id = 'T00000031'; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = 'online' }
        ($row | New-DinteroCommonConnection -Context $partnerContext).account_id | Should -Be 'T00000031'
    }

    It 'names the account, the connection type and the payment options with -WhatIf, and sends nothing' {
        $before = @(Get-EmulatorRequest POST '/connections/common').Count
        $before | Should -BeGreaterThan 0 # the count sees the signups sent above, so it would see one sent here
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript
        New-DinteroCommonConnection -Signup (New-Signup) -WhatIf
        Stop-Transcript
        $text = Get-Content $transcript -Raw
        $text | Should -Match "Dintero account $accountId \(Test\)"
        $text | Should -Match 'Common connection with payment options dintero.zero'
        @(Get-EmulatorRequest POST '/connections/common').Count | Should -Be $before
    }

    It 'refuses bad input before sending, naming the field path and the nearest key' {
        $before = @(Get-EmulatorRequest POST '/connections/common').Count
        $before | Should -BeGreaterThan 0
        $signup = New-Signup
        $signup.revenue = @{ acept_prepaid = 'maybe' }
        { New-DinteroCommonConnection -Signup $signup -ErrorAction Stop } | Should -Throw -ErrorId 'Dintero.ValidationFailed,*'
        New-DinteroCommonConnection -Signup $signup -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].ErrorDetails.Message | Should -Match "signup.revenue.acept_prepaid.*Did you mean 'accept_prepaid'"
        @(Get-EmulatorRequest POST '/connections/common').Count | Should -Be $before
    }

    It "turns Dintero's 400 into an error record with Dintero's message and field errors" {
        New-DinteroCommonConnection -Context $partnerContext -AccountId T00000002 -Signup (New-Signup) -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.Api.400.ORGANIZATION_NUMBER_REQUIRED*'
        $failure[0].ErrorDetails.Message | Should -Match 'organization_number'
        $failure[0].Exception.FieldErrors[0].Path | Should -Be 'company.organization_number'
        $failure[0].TargetObject.store_type | Should -Be 'online'
    }

    It "lets scripts catch the module's exceptions by type" {
        $caught = $null
        try { New-DinteroCommonConnection -Context $partnerContext -AccountId T00000002 -Signup (New-Signup) -ErrorAction Stop }
        catch [Dintero.Connections.Errors.DinteroApiException] { $caught = $_.Exception }
        $caught.StatusCode | Should -Be 400
        $caught.Code | Should -Be 'ORGANIZATION_NUMBER_REQUIRED'
    }

    It 'writes one verbose line per request, with method, path, status and duration' {
        # ShouldProcess adds its own "Performing the operation" line under -Verbose; the request lines are the engine's.
        $verbose = @(New-DinteroCommonConnection -Signup (New-Signup) -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -notlike 'Performing the operation*' })
        $verbose | Should -HaveCount 1
        $verbose[0].Message | Should -Match "^POST /v1/accounts/$accountId/management/settings/connections/common -> 200 OK \(\d+ ms\)$"
    }

    It 'never writes the client secret or personal numbers, even with Debug output' {
        $signup = New-Signup
        $signup.applicant = @{ first_name = 'Ola'; social_security_number = $ssn }
        $signup.bank_accounts = @(@{ account_number = $bankAccount; account_number_type = 'mod11' })
        $DebugPreference = 'Continue'
        $records = & { New-DinteroCommonConnection -Signup $signup -Verbose } *>&1
        $DebugPreference = 'SilentlyContinue'
        $text = $records | Where-Object { $_ -isnot [Dintero.Connections.Models.CommonConnection] } | Out-String
        $text | Should -Match 'social_security_number'
        $text | Should -Not -Match $ssn
        $text | Should -Not -Match $bankAccount
        $text | Should -Not -Match $env:DINTERO_TEST_CLIENT_SECRET
        ($records | Where-Object { $_ -is [Dintero.Connections.Models.CommonConnection] } | Format-Table | Out-String) | Should -Not -Match $ssn
    }

    It 'stops the HTTP call in flight when the pipeline is stopped' {
        $context = Connect-Dintero @connect -PassThru
        Add-EmulatorFault @{ method = 'GET'; path = '/v1/accounts/*/management/settings'; delayMilliseconds = 30000 }
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($module, $context) Import-Module $module; Get-DinteroAccountSetting -Context $context }).AddArgument($module).AddArgument($context)
        $null = $shell.BeginInvoke()
        Start-Sleep -Seconds 2
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        $shell.Dispose()
        Invoke-RestMethod -Method Delete "$($emulator)_emulator/faults"
    }
}

Describe 'New-DinteroBamboraConnection and the views' {
    BeforeAll {
        Connect-Dintero @connect
        $script:bambora = New-DinteroBamboraConnection -Signup @{
            payment_options = @{ type = 'bambora.creditcard'; currencies = 'NOK' }
            revenue         = @{ currency = 'NOK'; accept_prepaid = 'false' }
            bank_name       = 'DNB'
            account_number  = $bankAccount
        }
        $script:common = New-DinteroCommonConnection -Signup (New-Signup)
    }

    It 'creates a Bambora connection with its configuration' {
        $bambora | Should -BeOfType ([Dintero.Connections.Models.BamboraConnection])
        $bambora.configuration.md5_key | Should -Not -BeNullOrEmpty
    }

    It 'masks the Bambora secrets in the list views' {
        $list = $bambora | Format-List | Out-String -Width 300
        $list | Should -Match 'configuration\s+:.*md5_key: \*\*\*'
        $list | Should -Match 'secret_token: \*\*\*'
        $list | Should -Not -Match ([regex]::Escape($bambora.configuration.md5_key.GetPlainText()))
        $list | Should -Not -Match ([regex]::Escape($bambora.configuration.secret_token.GetPlainText()))
        $configuration = $bambora.configuration | Format-List | Out-String
        $configuration | Should -Match 'md5_key\s+:\s+\*\*\*'
        $configuration | Should -Not -Match ([regex]::Escape($bambora.configuration.md5_key.GetPlainText()))
    }

    It 'shows account, type, status, created, updated and last event in a table' {
        $table = @($common, $bambora) | Format-Table | Out-String -Width 200
        $table | Should -Match 'account_id\s+connection_type\s+status\s+created_at\s+updated_at\s+last_event'
        $table | Should -Match "$accountId\s+Common\s+pending\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+signature_required"
        $table | Should -Match "$accountId\s+Bambora\s+pending\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+signature_required"
    }

    It 'shows the events and the signature link in the list view' {
        $list = $common | Format-List | Out-String -Width 200
        $list | Should -Match 'signature_link\s+:\s+http'
        $list | Should -Match 'events\s+:\s+\d{4}-\d\d-\d\d \d\d:\d\d signature_required \(pending\)'
    }

    It 'uses labels a user can type back: Format-List and Select-Object with the same names show the same values' {
        $typed = $common | Format-List account_id, status, signature_link | Out-String -Width 200
        $typed | Should -Match "account_id\s+:\s+$accountId"
        $typed | Should -Match 'status\s+:\s+pending'
        $typed | Should -Match 'signature_link\s+:\s+http'
        $row = $common | Select-Object account_id, connection_type, status, signature_link, last_event
        $row.signature_link | Should -Be $common.signature_link
        $row.connection_type | Should -Be 'Common'
        $row.last_event | Should -Be 'signature_required'
        $csv = $row | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Be '"account_id","connection_type","status","signature_link","last_event"'
    }

    It "converts to JSON with Dintero's field names" {
        $json = $common | ConvertTo-Json -Depth 10
        $json | Should -Match '"payment_options"'
        $json | Should -Match '"store_type"'
        $json | Should -Match '"status":\s*"pending"'
        $json | Should -Not -Match 'PaymentOptions'
    }
}

Describe 'Get-DinteroConnection and account settings' {
    BeforeAll { Connect-Dintero @partner }

    It 'returns every kind the account has, and takes accounts by property name' {
        @(Get-DinteroConnection -AccountId $accountId).Count | Should -BeGreaterOrEqual 1
        ([pscustomobject]@{ account_id = $accountId } | Get-DinteroConnection -Type Common).account_id | Should -Be $accountId
    }

    It 'reports a missing connection of a named kind as ObjectNotFound, and skips it otherwise' {
        Get-DinteroConnection -AccountId T00000099 -Type Bambora -ErrorVariable failure -ErrorAction SilentlyContinue
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
        (Get-DinteroConnection -AccountId T00000043 -Type PayEx).status | Should -Be 'pending'
    }

    It 'reports a mistyped -Type of a row as that row''s error, with the nearest kind' {
        $rows = @([pscustomobject]@{ account_id = $accountId; connection_type = 'Comon' }, [pscustomobject]@{ account_id = $accountId; connection_type = 'Common' })
        $read = $rows | Get-DinteroConnection -ErrorVariable failures -ErrorAction SilentlyContinue
        @($read).connection_type | Should -Be @('Common')
        $failures[0].ErrorDetails.Message | Should -Match "(?s)^Pipeline item 0: .*Type: 'Comon' is not a connection type; accepted: Common, Bambora, Collector, Instabank, PayEx, Swish, Vipps\. Did you mean 'Common'\?"
    }

    It 'changes nothing with -WhatIf' {
        $before = @(Get-EmulatorRequest PUT '/management/settings').Count
        $before | Should -BeGreaterThan 0
        Set-DinteroAccountSetting -AccountId T00000042 -OrganizationNumber 111111111 -WhatIf
        @(Get-EmulatorRequest PUT '/management/settings').Count | Should -Be $before
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

Describe 'Streams, as scripts and runbooks use them' {
    BeforeAll { $script:context = Connect-Dintero @connect -PassThru }
    AfterEach { Invoke-RestMethod -Method Delete "$($emulator)_emulator/faults" }

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
        $failure[0].TargetObject.'applicant.social_security_number' | Should -Be $ssn # the row itself stays, for retries
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
    AfterEach { Invoke-RestMethod -Method Delete "$($emulator)_emulator/faults" }

    It 'keeps the input order and reports each bad row in its place with -ThrottleLimit 8' {
        # The first row's answer takes three seconds, the others 100 ms: it finishes last, and must still come out first.
        Add-EmulatorFault @{ method = 'POST'; path = "/v1/accounts/$($bulkAccounts[0])/management/settings/connections/common"; delayMilliseconds = 3000; times = -1 }
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/*/management/settings/connections/common'; delayMilliseconds = 100; times = -1 }
        $before = @(Get-EmulatorRequest POST '/connections/common').Count

        $records = New-Sheet $bulkAccounts -BadRows 3, 7 | New-DinteroCommonConnection -ThrottleLimit 8 -ErrorAction Continue 2>&1

        $order = @($records | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "error $($_.CategoryInfo.TargetName)" } else { $_.account_id } })
        $expected = for ($i = 0; $i -lt $bulkAccounts.Count; $i++) { if ($i -in 3, 7) { "error pipeline item $i, account $($bulkAccounts[$i])" } else { $bulkAccounts[$i] } }
        $order | Should -Be $expected
        ($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).ErrorDetails.Message | Should -Match "^Pipeline item [37]: The Common signup is not valid"
        # In flight together: the eighth request reached Dintero before the first one (three seconds long) was answered.
        $sent = @(Get-EmulatorRequest POST '/connections/common') | Select-Object -Skip $before
        $sent | Should -HaveCount 10
        ([DateTimeOffset]$sent[7].at - [DateTimeOffset]$sent[0].at).TotalMilliseconds | Should -BeLessThan 3000
    }

    It 'sends one request at a time with -ThrottleLimit 1' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/*/management/settings/connections/common'; delayMilliseconds = 300; times = -1 }
        $before = @(Get-EmulatorRequest POST '/connections/common').Count
        $null = New-Sheet $bulkAccounts[0..2] | New-DinteroCommonConnection -ThrottleLimit 1
        $sent = @(Get-EmulatorRequest POST '/connections/common') | Select-Object -Skip $before
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
        $before = @(Get-EmulatorRequest POST '/connections/common').Count
        $rows = New-Sheet ($bulkAccounts + $bulkAccounts + $bulkAccounts)
        $shell = [powershell]::Create()
        $null = $shell.AddScript({ param($module, $context, $rows) Import-Module $module; $rows | New-DinteroCommonConnection -Context $context -ThrottleLimit 4 -Force }).AddArgument($module).AddArgument($context).AddArgument($rows)
        $handle = $shell.BeginInvoke()
        $wait = [Diagnostics.Stopwatch]::StartNew()
        while (@(Get-EmulatorRequest POST '/connections/common').Count - $before -lt 4 -and $wait.Elapsed.TotalSeconds -lt 20) { Start-Sleep -Milliseconds 100 }
        @(Get-EmulatorRequest POST '/connections/common').Count - $before | Should -Be 4 # four in flight, none answered yet

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
        $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        $handle.IsCompleted | Should -BeTrue
        Start-Sleep -Seconds 7 # longer than a request takes: a fifth request would have followed the first answer
        @(Get-EmulatorRequest POST '/connections/common').Count - $before | Should -Be 4
        $shell.Dispose()
    }
}

Describe 'Every connection kind' {
    BeforeAll {
        Connect-Dintero @connect
        $script:kinds = @{
            Collector = @{ legal_name = 'Fjord AS'; organization_number = '912345678'; bank_name = 'DNB'; account_number = $bankAccount; website = 'https://fjord.example'; payment_options = @{ type = 'collector.invoice'; currencies = 'NOK' } }
            Instabank = @{ email = 'a@fjord.example'; phone_number = '+4799999999'; industry = 'goods'; account_number = $bankAccount; total_number_of_transactions = '10'; total_volume_of_transactions = '100'; finance_number_of_transactions = '1'; finance_volume_of_transactions = '10'; payment_options = @{ type = 'instabank.invoice' } }
            PayEx     = @{ legal_name = 'Fjord AS'; payment_options = @{ type = 'payex.creditcard'; currencies = 'NOK', 'SEK' } }
            Swish     = @{ legal_name = 'Havet AB'; organization_number = '5561234567'; website = 'https://havet.example'; payment_options = @{ type = 'swish.swish'; currencies = 'SEK' } }
        }
        # One broken field per kind, and the path the error must name.
        $script:broken = @{
            Collector = @('website', $null, 'signup.website')
            Instabank = @('account_number', '1234', 'signup.account_number')
            PayEx     = @('payment_options', @{ type = 'payex.invoice' }, 'signup.payment_options[0].type')
            Swish     = @('payment_options', @{ type = 'swish.payfac' }, 'signup.payment_options[0].type')
        }
    }

    It 'creates a <_> connection from a hashtable, reads it back, and lists it with the others' -ForEach 'Collector', 'Instabank', 'PayEx', 'Swish' {
        $created = & "New-Dintero$($_)Connection" -Signup $kinds[$_]
        $created.connection_type | Should -Be $_
        $created.status | Should -Be 'pending'
        $created.signature_link | Should -Match '^http'
        (Get-DinteroConnection -Type $_).created_at | Should -Be $created.created_at
        (Get-DinteroConnection).connection_type | Should -Contain $_
        ($created | Format-List | Out-String -Width 200) | Should -Match "connection_type\s+:\s+$_"
    }

    It 'creates <_> connections from Import-Csv rows' -ForEach 'Collector', 'Instabank', 'PayEx', 'Swish' {
        $row = [ordered]@{ account_id = $accountId }
        foreach ($field in $kinds[$_].Keys) {
            $value = $kinds[$_][$field]
            if ($value -is [hashtable]) { foreach ($inner in $value.Keys) { $row["$field[0].$inner"] = @($value[$inner]) -join ';' } }
            else { $row[$field] = $value }
        }
        $csv = Join-Path $TestDrive "$_.csv"
        [pscustomobject]$row | Export-Csv -Path $csv -NoTypeInformation
        $created = Import-Csv $csv | & "New-Dintero$($_)Connection"
        $created.account_id | Should -Be $accountId
        $created.connection_type | Should -Be $_
    }

    It 'refuses a bad <_> signup before sending, naming the field, and sends nothing with -WhatIf' -ForEach 'Collector', 'Instabank', 'PayEx', 'Swish' {
        $signups = { $log = Invoke-RestMethod "$($emulator)_emulator/requests"; @($log | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/connections/*' }).Count }
        $before = & $signups
        $before | Should -BeGreaterThan 0
        $signup = $kinds[$_].Clone()
        $field, $value, $path = $broken[$_]
        if ($null -eq $value) { $signup.Remove($field) } else { $signup[$field] = $value }
        & "New-Dintero$($_)Connection" -Signup $signup -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.ValidationFailed*'
        $failure[0].ErrorDetails.Message | Should -Match ([regex]::Escape($path))
        $failure[0].ErrorDetails.Message | Should -Not -Match $bankAccount
        & "New-Dintero$($_)Connection" -Signup $kinds[$_] -WhatIf
        & $signups | Should -Be $before
    }

    It 'starts the Vipps signup, restarts it, and sends nothing with -WhatIf' {
        $started = New-DinteroVippsConnection
        $started.signup.url | Should -Match '^http'
        $before = @(Get-EmulatorRequest PUT '/connections/vipps').Count
        New-DinteroVippsConnection -Restart -WhatIf
        @(Get-EmulatorRequest PUT '/connections/vipps').Count | Should -Be $before
        $restarted = New-DinteroVippsConnection -Restart
        $restarted.signup.url | Should -Not -Be $started.signup.url
        (Get-DinteroConnection -Type Vipps).signup.url | Should -Be $restarted.signup.url
        ($restarted | Format-List | Out-String -Width 200) | Should -Match 'signup\s+:\s+http.*\(expires'
    }

    It 'gives a Common signup link per account from the pipeline' {
        $links = @([pscustomobject]@{ account_id = $accountId }, [pscustomobject]@{ account_id = 'T00000031' }) | New-DinteroCommonSignupLink -Context $partnerContext
        $links.account_id | Should -Be @($accountId, 'T00000031')
        $links.ref | ForEach-Object { $_ | Should -Match '^http' }
    }

    It 'completes -Type with every kind, the same the cmdlets declare they write' {
        $declared = (Get-Command Get-DinteroConnection).OutputType.Type | ForEach-Object { $_::new().connection_type }
        foreach ($command in 'Get-DinteroConnection', 'Wait-DinteroConnection') {
            $script = "$command -Type "
            $completed = (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText
            $completed | Sort-Object | Should -Be @('Bambora', 'Collector', 'Common', 'Instabank', 'PayEx', 'Swish', 'Vipps')
            $completed | Sort-Object | Should -Be ($declared | Sort-Object)
            ((Get-Command $command).OutputType.Type.FullName | Sort-Object) | Should -Be ((Get-Command Get-DinteroConnection).OutputType.Type.FullName | Sort-Object)
        }
    }

    It 'completes Wait-DinteroConnection -Status with the final statuses and refuses another' {
        $script = 'Wait-DinteroConnection -Status '
        (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText | Should -Be @('enabled', 'failed', 'declined')
        { Wait-DinteroConnection -Status pending } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        try { Wait-DinteroConnection -Status enabeld } catch { $_.Exception.Message | Should -Match "Did you mean 'enabled'" }
    }

    It 'says once per session that the Bambora signup is deprecated, and still creates it' {
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($module, $context, $signup)
            Import-Module $module
            New-DinteroBamboraConnection -Context $context -Signup $signup -Force
            New-DinteroBamboraConnection -Context $context -Signup $signup -Force
        }).AddArgument($module).AddArgument((Get-DinteroContext)).AddArgument(@{ payment_options = @{ type = 'bambora.creditcard'; currencies = 'NOK' }; revenue = @{ currency = 'NOK' }; bank_name = 'DNB'; account_number = $bankAccount })
        $created = $shell.Invoke()
        @($created).Count | Should -Be 2
        @($shell.Streams.Warning).Count | Should -Be 1
        $shell.Streams.Warning[0].Message | Should -Match 'deprecated.*New-DinteroCommonConnection'
        $shell.Dispose()
    }
}

Describe 'Following signups to the end' {
    BeforeAll {
        $script:context = Connect-Dintero @partner -PassThru
        $script:waitAccounts = 'T00000301', 'T00000302', 'T00000303'
        $waitAccounts | ForEach-Object { [pscustomobject]@{ account_id = $_; organization_number = '912345678' } } | Set-DinteroAccountSetting
        function script:Set-EmulatorStatus([string] $Account, [string] $Kind, [string] $Status) {
            $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/$Account/connections/$Kind/status" -ContentType 'application/json' -Body (@{ status = $Status } | ConvertTo-Json)
        }
    }

    It 'writes each connection when it is enabled, and an error for one declined and one still pending at the timeout' {
        $rows = $waitAccounts | ForEach-Object { [pscustomobject]@{ account_id = $_; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' } }
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($module, $context, $rows)
            Import-Module $module
            $rows | New-DinteroCommonConnection -Context $context | Wait-DinteroConnection -Context $context -Timeout 00:00:06 -PollInterval 00:00:00.2
        }).AddArgument($module).AddArgument($context).AddArgument($rows)
        $handle = $shell.BeginInvoke()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        # Each account's connection must exist and be read before its status is moved: count reads of these accounts only.
        $readAll = { @($waitAccounts | Where-Object { $account = $_; @(Get-EmulatorRequest GET "/accounts/$account/management/settings/connections/common").Count -gt 0 }).Count }
        while ((& $readAll) -lt 3 -and $watch.Elapsed.TotalSeconds -lt 30) { Start-Sleep -Milliseconds 100 }
        & $readAll | Should -Be 3
        Set-EmulatorStatus $waitAccounts[1] common enabled
        Set-EmulatorStatus $waitAccounts[0] common declined
        $enabled = $shell.EndInvoke($handle)

        @($enabled).Count | Should -Be 1
        $enabled[0].account_id | Should -Be $waitAccounts[1]
        $enabled[0].status | Should -Be 'enabled'
        $errors = @($shell.Streams.Error)
        $errors | Should -HaveCount 2
        ($errors | Where-Object { $_.FullyQualifiedErrorId -like 'Dintero.Wait.declined*' }).ErrorDetails.Message | Should -Match "$($waitAccounts[0]).*declined"
        $late = $errors | Where-Object { $_.FullyQualifiedErrorId -like 'Dintero.Wait.TimedOut*' }
        $late.ErrorDetails.Message | Should -Match "$($waitAccounts[2]).*still pending"
        $late.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $progress = @($shell.Streams.Progress | Where-Object Activity -eq 'Waiting for connections to be enabled')
        $progress.StatusDescription | Should -Contain '1 enabled, 1 pending, 1 declined' # while the last one waits for its timeout
        $progress[-1].StatusDescription | Should -Be '1 enabled, 1 declined, 1 timed out'
        $progress[-1].RecordType | Should -Be 'Completed'
        $shell.Dispose()
    }

    It 'waits for the kinds of the connections piped in' {
        $vipps = New-DinteroVippsConnection -AccountId $waitAccounts[2]
        Set-EmulatorStatus $waitAccounts[2] vipps enabled
        ($vipps | Wait-DinteroConnection -PollInterval 00:00:00.2 -Timeout 00:00:10).connection_type | Should -Be 'Vipps'
    }
}
