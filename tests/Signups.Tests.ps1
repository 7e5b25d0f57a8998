#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Signups as a user sends them: hashtables, Import-Csv rows, -WhatIf, bad input, Dintero's errors, every
# connection kind and its views, and signups followed until they are final.
# Run by `dotnet test` (PesterSuiteTests), which starts the emulator; the header is tests/Support/SignupSuite.ps1.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/SignupSuite.ps1')
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
        $before = @(Get-EmulatorRequest POST '*/connections/common').Count

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
        @(Get-EmulatorRequest POST '*/connections/common').Count - $before | Should -Be 2
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
        $before = @(Get-EmulatorRequest POST '*/connections/common').Count

        $created = $rows | New-DinteroCommonConnection -Context $partnerContext -ErrorVariable failures -ErrorAction SilentlyContinue

        @($created).account_id | Should -Be @('T00000051', 'T00000051')
        @($failures).Count | Should -Be 2
        $failures[0].ErrorDetails.Message | Should -Match '^Pipeline item 1: '
        $failures[0].ErrorDetails.Message | Should -Match "account_id: 'X51'"
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.ValidationFailed*'
        $failures[0].TargetObject.account_id | Should -Be 'X51'
        $failures[1].ErrorDetails.Message | Should -Match '^Pipeline item 2: '
        $failures[1].CategoryInfo.TargetName | Should -Be 'pipeline item 2, account T00000052'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'Dintero.Api.400.*'
        @(Get-EmulatorRequest POST '*/connections/common').Count - $before | Should -Be 3
    }

    It 'binds an account_id column or property to -AccountId' {
        Set-DinteroAccountSetting -Context $partnerContext -AccountId T00000031 -OrganizationNumber 912345678
        $row = [pscustomobject]@{ account_id = 'T00000031'; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = 'online' }
        ($row | New-DinteroCommonConnection -Context $partnerContext).account_id | Should -Be 'T00000031'
    }

    It 'names the account, the connection type and the payment options with -WhatIf, and sends nothing' {
        $before = @(Get-EmulatorRequest POST '*/connections/common').Count
        $before | Should -BeGreaterThan 0 # the count sees the signups sent above, so it would see one sent here
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript
        New-DinteroCommonConnection -Signup (New-Signup) -WhatIf
        Stop-Transcript
        $text = Get-Content $transcript -Raw
        $text | Should -Match "Dintero account $accountId \(Test\)"
        $text | Should -Match 'Common connection with payment options dintero.zero'
        @(Get-EmulatorRequest POST '*/connections/common').Count | Should -Be $before
    }

    It 'refuses bad input before sending, naming the field path and the nearest key' {
        $before = @(Get-EmulatorRequest POST '*/connections/common').Count
        $before | Should -BeGreaterThan 0
        $signup = New-Signup
        $signup.revenue = @{ acept_prepaid = 'maybe' }
        { New-DinteroCommonConnection -Signup $signup -ErrorAction Stop } | Should -Throw -ErrorId 'Dintero.ValidationFailed,*'
        New-DinteroCommonConnection -Signup $signup -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].ErrorDetails.Message | Should -Match "signup.revenue.acept_prepaid.*Did you mean 'accept_prepaid'"
        @(Get-EmulatorRequest POST '*/connections/common').Count | Should -Be $before
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
        Clear-EmulatorFault
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

    It 'shows account, type, status, updated and last event in a table' {
        $table = @($common, $bambora) | Format-Table | Out-String -Width 200
        $table | Should -Match 'account_id\s+connection_type\s+status\s+updated_at\s+last_event'
        $table | Should -Match "$accountId\s+Common\s+pending\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+signature_required"
        $table | Should -Match "$accountId\s+Bambora\s+pending\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+signature_required"
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
        (Get-DinteroConnection -ConnectionType $_).created_at | Should -Be $created.created_at
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
        $before = @(Get-EmulatorRequest PUT '*/connections/vipps').Count
        New-DinteroVippsConnection -Restart -WhatIf
        @(Get-EmulatorRequest PUT '*/connections/vipps').Count | Should -Be $before
        $restarted = New-DinteroVippsConnection -Restart
        $restarted.signup.url | Should -Not -Be $started.signup.url
        (Get-DinteroConnection -ConnectionType Vipps).signup.url | Should -Be $restarted.signup.url
        ($restarted | Format-List | Out-String -Width 200) | Should -Match 'signup\s+:\s+http.*\(expires'
    }

    It 'gives a Common signup link per account from the pipeline' {
        $links = @([pscustomobject]@{ account_id = $accountId }, [pscustomobject]@{ account_id = 'T00000031' }) | New-DinteroCommonSignupLink -Context $partnerContext
        $links.account_id | Should -Be @($accountId, 'T00000031')
        $links.ref | ForEach-Object { $_ | Should -Match '^http' }
    }

    It 'completes -ConnectionType with every kind, the same the cmdlets declare they write' {
        $declared = (Get-Command Get-DinteroConnection).OutputType.Type | ForEach-Object { $_::new().connection_type }
        foreach ($command in 'Get-DinteroConnection', 'Wait-DinteroConnection') {
            $script = "$command -ConnectionType "
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
        $readAll = { @($waitAccounts | Where-Object { $account = $_; @(Get-EmulatorRequest GET "*/accounts/$account/management/settings/connections/common").Count -gt 0 }).Count }
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
