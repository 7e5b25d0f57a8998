#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Every promise kept under a runbook's habits, partners' real sheets and a hostile network (issue "Safe in a real
# runbook"): a case per point, in this pwsh -NonInteractive, and where the point is about runbooks in a child
# `pwsh -NonInteractive` (Invoke-Runbook). Against an emulator where partner T00000000 has merchants T00000001 to
# T00000400; each Describe uses accounts of its own.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    $script:signupPath = '/v1/accounts/*/management/settings/connections/common'
    Connect-Dintero @partner

    # Requests the emulator got for an account's own settings or signups, by method.
    function script:Get-AccountRequest([string] $Method, [string] $AccountId) {
        @(Get-EmulatorLog | Where-Object { $_.method -eq $Method -and $_.path -like "/v1/accounts/$AccountId/management/*" })
    }
}

Describe 'Safe in a real runbook' {
AfterEach { Clear-EmulatorFault }

Describe '1. Every row names its account, or is refused' {
    It 'refuses an empty account cell, and the partner''s own settings are not touched' {
        $sheet = "account_id,organization_number`nT00000201,912345678`n,987654321" | ConvertFrom-Csv

        $sheet | Set-DinteroAccountSetting -ErrorVariable failures -ErrorAction SilentlyContinue -InformationAction Ignore

        @(Get-AccountRequest PUT T00000201).Count | Should -Be 1
        @(Get-AccountRequest PUT $partnerId).Count | Should -Be 0
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.ValidationFailed*'
        $failures[0].ErrorDetails.Message | Should -Match '(?s)^Pipeline item 1: .*account_id: is empty'
    }

    It 'refuses a sheet whose account column is misspelt, with a did-you-mean, and sends nothing' {
        $before = @(Get-EmulatorLog).Count
        $sheet = "Account ID,organization_number`nT00000202,912345678" | ConvertFrom-Csv

        $sheet | Set-DinteroAccountSetting -ErrorVariable failures -ErrorAction SilentlyContinue

        @(Get-EmulatorLog).Count | Should -Be $before
        $failures[0].ErrorDetails.Message | Should -Match "The column 'Account ID' looks like it: name it account_id"
        $failures[0].ErrorDetails.Message | Should -Match "connected as partner $partnerId"
    }

    It 'refuses the repository''s own sheet without an account column as a partner, and reaches the partner only when the command names it' {
        $sheet = Import-Csv (Join-Path $repository 'docs/examples/merchants.csv')
        $before = @(Get-EmulatorLog).Count

        $sheet | New-DinteroCommonConnection -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore
        $sent = @(Get-EmulatorLog).Count - $before
        $named = [pscustomobject]@{ organization_number = '912345678' } | Set-DinteroAccountSetting -AccountId $partnerId -PassThru

        $sent | Should -Be 0
        $failures | Should -HaveCount @($sheet).Count
        $named.company.organization_number | Should -Be '912345678'
    }

    It 'keeps the account a malformed cell named in the report, so a run again from the report does not reach the partner' {
        Initialize-Merchant 203
        $rows = (New-Row 203), [pscustomobject]@{ account_id = 'X203'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }

        $rows | New-DinteroCommonConnection -ReportVariable report -ErrorAction SilentlyContinue -InformationAction Ignore | Out-Null
        $before = @(Get-AccountRequest POST $partnerId).Count
        $report | Where-Object outcome -eq 'Failed' | New-DinteroCommonConnection -ErrorVariable again -ErrorAction SilentlyContinue -InformationAction Ignore | Out-Null

        $report[1].account_id | Should -Be 'X203'
        $again[0].ErrorDetails.Message | Should -Match "'X203' is not a Dintero account id"
        @(Get-AccountRequest POST $partnerId).Count | Should -Be $before
    }

    It 'takes a hashtable and an account id piped in as rows that name their account' {
        $byHashtable = @{ account_id = 'T00000204' } | Get-DinteroAccountSetting
        $byId = 'T00000205' | Get-DinteroAccountSetting

        $byHashtable.account_id | Should -Be 'T00000204'
        $byId.account_id | Should -Be 'T00000205'
        # A piped record is one merchant, never the whole book.
        @('T00000205' | Get-DinteroAccount).account_id | Should -Be @('T00000205')
        @(@{ account_id = 'T00000204' }, @{ account_id = 'T00000206' } | Get-DinteroAccount).account_id | Should -Be @('T00000204', 'T00000206')
        @{ name = 'no account' } | Get-DinteroAccount -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].ErrorDetails.Message | Should -Match 'account_id: is missing'
    }

    It 'sends a sheet row given by parameter to the account it names, not to the partner' {
        Initialize-Merchant 208
        $row = [pscustomobject]@{ account_id = 'T00000208'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' }
        $toPartner = Get-StoredCount $partnerId

        $made = New-DinteroCommonConnection -Signup $row -InformationAction Ignore

        $made.account_id | Should -Be 'T00000208'
        Get-StoredCount T00000208 | Should -Be 1
        Get-StoredCount $partnerId | Should -Be $toPartner
    }

    It 'sends a row to the account it names when -AccountId or $PSDefaultParameterValues names another, and says so once' {
        $toPartner = @(Get-AccountRequest PUT $partnerId).Count
        $PSDefaultParameterValues['Set-DinteroAccountSetting:AccountId'] = $partnerId
        try {
            $rows = 206, 207 | ForEach-Object { [pscustomobject]@{ account_id = 'T{0:D8}' -f $_; organization_number = '912345678' } }
            $rows | Set-DinteroAccountSetting -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore
        }
        finally { $PSDefaultParameterValues.Remove('Set-DinteroAccountSetting:AccountId') }

        @(Get-AccountRequest PUT T00000206).Count | Should -Be 1
        @(Get-AccountRequest PUT T00000207).Count | Should -Be 1
        @(Get-AccountRequest PUT $partnerId).Count | Should -Be $toPartner
        $warned | Should -HaveCount 1
        $warned[0].Message | Should -Match "Pipeline item 0 names account T00000206, not $partnerId given with -AccountId"
    }
}

Describe '2. Security checks fail closed' {
    BeforeAll {
        $script:hookSecret = ConvertTo-SecureString 'a-long-random-secret' -AsPlainText -Force
        $script:body = '{"event":"account_update","account_id":"T00000001"}'
        $hmac = [Security.Cryptography.HMACSHA1]::new([Text.Encoding]::UTF8.GetBytes('a-long-random-secret'))
        $script:signature = -join ($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($body)) | ForEach-Object { $_.ToString('x2') })
        # The receiver as the go-live guide writes it, in an Azure Function: 401 for a delivery that is not Dintero's.
        function script:Receive($Request, $Secret) {
            if (-not (Test-DinteroWebhookSignature -Body $Request.RawBody -Signature $Request.Headers['event-signature'] -Secret $Secret)) { return 401 }
            200
        }
    }

    It 'rejects a delivery with no signature, an empty or a non-hex one, and accepts the real one' {
        Receive @{ RawBody = $body; Headers = @{} } $hookSecret | Should -Be 401
        Receive @{ RawBody = $body; Headers = @{ 'event-signature' = '' } } $hookSecret | Should -Be 401
        Receive @{ RawBody = $body; Headers = @{ 'event-signature' = 'sha1=' + $signature } } $hookSecret | Should -Be 401
        Receive @{ RawBody = $null; Headers = @{ 'event-signature' = $signature } } $hookSecret | Should -Be 401
        Receive @{ RawBody = $body; Headers = @{ 'event-signature' = $signature } } $null 3>$null | Should -Be 401
        Receive @{ RawBody = $body; Headers = @{ 'event-signature' = $signature } } $hookSecret | Should -Be 200
    }

    It 'says why at -Verbose for a forged delivery, and warns for the receiver''s own mistake' {
        $lines = Test-DinteroWebhookSignature -Body $body -Signature $null -Secret $hookSecret -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $null = Test-DinteroWebhookSignature -Body $body -Signature $signature -Secret $null -WarningVariable warned -WarningAction SilentlyContinue

        $lines[0].Message | Should -Match 'no event-signature header'
        $warned[0].Message | Should -Match 'no secret was given'
    }
}

Describe '3. Outcomes survive a terminating error (a child pwsh -NonInteractive)' {
    It 'records every row sent before $ErrorActionPreference = ''Stop'' ended the run, says how to go on, and a run again finishes the rest' {
        Initialize-Merchant (211..220)
        # Each signup takes a while, so rows are in flight when row 2 fails.
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; delayMilliseconds = 400; times = -1 }
        $run = Invoke-Runbook @'
$ErrorActionPreference = 'Stop'
$rows = 211..220 | ForEach-Object { [pscustomobject]@{ account_id = 'T{0:D8}' -f $_; 'payment_options[0].type' = 'dintero.zero'; store_type = $(if ($_ -eq 213) { 'onlin' } else { 'online' }) } }
$caught = $null
try { $rows | New-DinteroCommonConnection -ReportVariable report -InformationVariable info -ThrottleLimit 4 | Out-Null } catch { $caught = $_.FullyQualifiedErrorId }
[pscustomobject]@{ caught = $caught; report = @($report | Select-Object row, outcome, account_id, message); summary = "$($info | Select-Object -Last 1)" }
'@
        Clear-EmulatorFault

        $run.Result.caught | Should -BeLike 'Dintero.ValidationFailed*'
        $stored = 211..220 | Where-Object { (Get-StoredCount ('T{0:D8}' -f $_)) -gt 0 } | ForEach-Object { 'T{0:D8}' -f $_ }
        $created = @($run.Result.report | Where-Object outcome -eq 'Created').account_id
        # Every signup Dintero stored is in the report as Created, and nothing else is.
        $created | Sort-Object | Should -Be ($stored | Sort-Object)
        @($run.Result.report | Where-Object outcome -eq 'Failed').account_id | Should -Be @('T00000213')
        $run.Result.summary | Should -Match 'Stopped at pipeline item 2 by Dintero.ValidationFailed: the input after it was not read'
        $run.Result.summary | Should -Match 'pipe the same input into New-DinteroCommonConnection again'
        # Refused before anything was sent, the row ends the command before the input after it is read: nothing after it went.
        $stored | Should -Be @('T00000211', 'T00000212')
        @($run.Result.report | Where-Object row -gt 2) | Should -HaveCount 0

        $again = 211..220 | ForEach-Object { New-Row $_ } | Where-Object account_id -ne 'T00000213' | New-DinteroCommonConnection -ReportVariable second -WarningAction SilentlyContinue -InformationAction Ignore
        211..220 | Where-Object { $_ -ne 213 } | ForEach-Object { Get-StoredCount ('T{0:D8}' -f $_) } | Should -Be (@(1) * 9)
        @($second | Where-Object outcome -eq 'Created').Count + $created.Count | Should -Be 9
    }

    It 'ends on a 400 from Dintero under -ErrorAction Stop with the rows in flight recorded, and writes the summary' {
        Initialize-Merchant (221, 222, 224, 225, 226)
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; delayMilliseconds = 300; times = -1 }
        $run = Invoke-Runbook @'
$rows = 221..226 | ForEach-Object { [pscustomobject]@{ account_id = 'T{0:D8}' -f $_; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' } }
$caught = $null
try { $rows | New-DinteroCommonConnection -ReportVariable report -InformationVariable info -ErrorAction Stop -ThrottleLimit 3 | Out-Null } catch { $caught = $_.FullyQualifiedErrorId }
[pscustomobject]@{ caught = $caught; report = @($report | Select-Object row, outcome, account_id); summary = "$($info | Select-Object -Last 1)" }
'@
        Clear-EmulatorFault

        # T00000223 has no organization number: Dintero refuses its signup (400).
        $run.Result.caught | Should -BeLike 'Dintero.Api.400*'
        $stored = 221..226 | Where-Object { (Get-StoredCount ('T{0:D8}' -f $_)) -gt 0 } | ForEach-Object { 'T{0:D8}' -f $_ }
        @($run.Result.report | Where-Object outcome -eq 'Created').account_id | Sort-Object | Should -Be ($stored | Sort-Object)
        $run.Result.summary | Should -Match 'Stopped at pipeline item 2 by Dintero.Api.400'
        # Rows after it that went while its answer was awaited are in the report, and the summary says how many.
        $went = @($run.Result.report | Where-Object { $_.row -gt 2 -and $_.outcome -ne 'NotSent' }).Count
        $unsent = @($run.Result.report | Where-Object { $_.row -gt 2 -and $_.outcome -eq 'NotSent' }).Count
        $went + $unsent | Should -BeGreaterThan 0
        if ($went) { $run.Result.summary | Should -Match "$went rows? after it had been read ahead and (is|are) in the report" }
        if ($unsent) { $run.Result.summary | Should -Match "$unsent rows? after it (was|were) not sent" }
    }
}

Describe '4. Nothing prompts or fails because of a diagnostic stream (a child pwsh -NonInteractive)' {
    It 'runs every kind of cmdlet with -Debug alone, request lines shown without a prompt' {
        $run = Invoke-Runbook @'
$ErrorActionPreference = 'Stop'
$lines = Get-DinteroAccountSetting -AccountId T00000231 -Debug *>&1
$connection = Get-DinteroConnection -AccountId T00000231 -Debug -ErrorAction SilentlyContinue 5>$null 6>$null
[pscustomobject]@{ records = @($lines | ForEach-Object { $_.GetType().Name + ': ' + "$_".Substring(0, [Math]::Min(120, "$_".Length)) }) }
'@
        $run.ExitCode | Should -Be 0
        $run.Output | Should -Not -Match 'NonInteractive'
        @($run.Result.records | Where-Object { $_ -like 'InformationRecord: VERBOSE: GET /v1/accounts/T00000231/management/settings*' }).Count | Should -Be 1
        @($run.Result.records | Where-Object { $_ -like 'DebugRecord: GET /v1/accounts/T00000231/management/settings request headers*' }).Count | Should -Be 1
    }

    It 'delivers a rotated secret under -Debug, and a new client''s secret before a warning that stops the command' {
        $client = New-DinteroApiClient -AccountId T00000232 -Name 'Runbook shop'
        $run = Invoke-Runbook @"
`$ErrorActionPreference = 'Stop'
`$rotated = Reset-DinteroApiClientSecret -AccountId T00000232 -Id '$($client.id)' -Confirm:`$false -Debug 5>`$null 6>`$null
`$WarningPreference = 'Stop'
`$made = `$null; `$caught = `$null
try { New-DinteroApiClient -AccountId T00000233 -Name 'Runbook shop' | ForEach-Object { `$made = `$_ } } catch { `$caught = `$_.FullyQualifiedErrorId }
[pscustomobject]@{ rotated = `$rotated.Credential.UserName; secret = `$rotated.Credential.GetNetworkCredential().Password.Length; made = `$made.Credential.UserName; caught = `$caught }
"@
        $run.Result.rotated | Should -Be $client.client_id
        $run.Result.secret | Should -BeGreaterThan 10
        # The grant's 429 below is retried with a warning, which stops the command: the client's secret came out first.
        $run.Result.made | Should -Be 'runbook-shop-t00000233'
    }

    It 'names the client whose new secret the output could not take, and how to get another' {
        # The host says it (the streams are shut by then): the child's console output is where a runbook's host writes.
        $run = Invoke-Runbook @'
try { New-DinteroApiClient -AccountId T00000234 -Name 'Lost shop' | ForEach-Object { throw 'the pipeline stops here' } } catch { }
[pscustomobject]@{ done = $true }
'@
        $text = $run.Output
        $client = Get-DinteroApiClient -AccountId T00000234 | Where-Object name -eq 'Lost shop'

        $text | Should -Match "the API client 'lost-shop-t00000234' \(id $($client.id)\) of account T00000234 has a new secret that was not delivered"
        $text | Should -Match "Reset-DinteroApiClientSecret -AccountId T00000234 -Id $($client.id)"
    }

    BeforeEach {
        # For the second case: one 429 on the grant makes a retry warning while the client is made.
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000233/auth/client-grants'; status = 429; retryAfterSeconds = 0; times = 1 }
    }
}

Describe '5. Only Dintero''s answers count' {
    It 'follows no redirect of a signup: its body goes nowhere, the row is not Created, and the command ends with one error' {
        Initialize-Merchant (241, 242)
        $elsewhere = "$($emulator)_emulator/receiver/elsewhere"
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; status = 307; headers = @{ Location = $elsewhere }; times = -1 }

        $failure = try { (New-Row 241), (New-Row 242) | New-DinteroCommonConnection -ReportVariable report -InformationAction Ignore | Out-Null } catch { $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'Dintero.Redirected*'
        $failure.Exception.Message | Should -Match ([regex]::Escape($elsewhere))
        @(Invoke-RestMethod "$($emulator)_emulator/receiver" | ForEach-Object { $_ } | Where-Object path -like '*elsewhere*').Count | Should -Be 0
        @($report | Where-Object outcome -eq 'Created').Count | Should -Be 0
    }

    It 'refuses a redirected token request at Connect-Dintero and leaves no session' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/*/auth/token'; status = 307; headers = @{ Location = "$($emulator)_emulator/receiver/tokens" } }

        { Connect-Dintero @merchant } | Should -Throw -ErrorId 'Dintero.Redirected*'
        { Get-DinteroAccountSetting } | Should -Throw -ErrorId 'Dintero.NotConnected*'
        Connect-Dintero @partner
    }

    It 'settles an empty 200 to a signup by reading back: not Created when nothing was stored' {
        Initialize-Merchant 243
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; status = 200; body = '{}' }

        New-Row 243 | New-DinteroCommonConnection -ReportVariable report -ErrorAction SilentlyContinue -InformationAction Ignore | Out-Null

        $report[0].outcome | Should -Be 'Failed'
        $report[0].message | Should -Match 'it has no status'
        # Nothing stored: the emulator has no connection for the account.
        { Invoke-RestMethod "$($emulator)_emulator/accounts/T00000243/connections/common" } | Should -Throw '*404*'
    }
}

Describe '6. Sheets as Excel writes them' {
    It 'refuses text read in the wrong encoding, naming the cause and the fix; read with its code page, it goes' {
        $path = Join-Path $TestDrive 'ansi.csv'
        [IO.File]::WriteAllBytes($path, [Text.Encoding]::GetEncoding(1252).GetBytes("account_id,business_name`nT00000251,Bjørn AS"))

        Import-Csv $path | Set-DinteroAccountSetting -ErrorVariable failures -ErrorAction SilentlyContinue
        $fixed = Import-Csv $path -Encoding 1252 | Set-DinteroAccountSetting -PassThru

        $failures[0].ErrorDetails.Message | Should -Match 'U\+FFFD'
        $failures[0].ErrorDetails.Message | Should -Match 'Import-Csv -Encoding 1252'
        $fixed.company.business_name | Should -Be 'Bjørn AS'
    }

    It 'gives the -Delimiter hint for a ;-separated sheet read without it' {
        $path = Join-Path $TestDrive 'semicolons.csv'
        "account_id;organization_number`nT00000252;912345678" | Set-Content $path

        Import-Csv $path | Set-DinteroAccountSetting -ErrorVariable failures -ErrorAction SilentlyContinue
        $read = Import-Csv $path -Delimiter ';' | Set-DinteroAccountSetting -PassThru

        $failures[0].ErrorDetails.Message | Should -Match "Import-Csv -Delimiter ';'"
        $read.company.organization_number | Should -Be '912345678'
    }

    It 'trims every cell the same way, and sends what it trimmed' {
        Initialize-Merchant 253
        $row = [pscustomobject]@{ account_id = ' T00000253 '; 'payment_options[0].type' = ' dintero.zero '; 'payment_options[0].currencies' = ' NOK '; store_type = 'online '; 'applicant.email' = ' kari@example.com ' }

        $created = $row | New-DinteroCommonConnection

        $created.signup.payment_options[0].type | Should -Be 'dintero.zero'
        $stored = (Invoke-RestMethod "$($emulator)_emulator/accounts/T00000253/connections/common").signup
        $stored.payment_options[0].currencies | Should -Be @('NOK')
        $stored.applicant.email | Should -Be 'kari@example.com'
    }
}

Describe '7. The token chain renews at every step' {
    It 'goes on when the merchant-token request is refused with a revoked exchange token' {
        Initialize-Merchant (255..258)
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000257/auth/token'; status = 401; body = '{"error":{"code":"UNAUTHORIZED","message":"The token has been revoked."}}' }
        Connect-Dintero @partner

        $read = 255..258 | ForEach-Object { 'T{0:D8}' -f $_ } | Get-DinteroAccountSetting -ErrorVariable failures -ErrorAction SilentlyContinue

        @($read).Count | Should -Be 4
        $failures | Should -BeNullOrEmpty
    }
}

Describe '8. A limit the client will not wait for stops the batch' {
    # The client honours the wait it was told: a new connection starts afresh for the tests after.
    AfterAll { Connect-Dintero @partner }

    It 'ends sending at the first Retry-After beyond -MaxRetryAfter, with one warning, one error and the rest reported as not sent' {
        Initialize-Merchant (261..280)
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; status = 429; retryAfterSeconds = 3600; times = -1 }
        $before = @(Get-EmulatorRequest POST '/v1/accounts/*/management/settings/connections/common').Count

        $failure = try { 261..280 | ForEach-Object { New-Row $_ } | New-DinteroCommonConnection -ThrottleLimit 2 -ReportVariable report -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore | Out-Null } catch { $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'Dintero.Throttled*'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'asked to wait 3600 s'
        $failure.ErrorDetails.RecommendedAction | Should -Match 'no retry was made'
        @(Get-EmulatorRequest POST '/v1/accounts/*/management/settings/connections/common').Count - $before | Should -BeLessOrEqual 2
        @($warned | Where-Object Message -Match 'longer than').Count | Should -Be 1
        @($report | Where-Object outcome -eq 'NotSent').Count | Should -BeGreaterThan 0
        # The wait is real: the client sends nothing before it is over. A new connection starts afresh.
        { Get-DinteroAccountSetting -AccountId T00000261 -ErrorAction Stop } | Should -Throw '*was not sent*'
    }
}

Describe '9. A change is checked for what the user sends, not for what Dintero holds' {
    It 'sets the organization number of a company whose stored e-mails are not e-mail shaped, and sends those back as they were' {
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/T00000285/company" -ContentType 'application/json' -Body '{"email":"post at fjordkaffe","technical_email":"ops"}'

        $changed = Set-DinteroAccountSetting -AccountId T00000285 -OrganizationNumber 912345678 -PassThru

        $changed.company.organization_number | Should -Be '912345678'
        $changed.company.email | Should -Be 'post at fjordkaffe'
        { Set-DinteroAccountSetting -AccountId T00000285 -Email 'not an address' -ErrorAction Stop } | Should -Throw -ErrorId 'Dintero.ValidationFailed*'
    }
}

Describe '10. A stopped run says how to go on, and no row is lost' {
    It 'records a Ctrl+C''s rows in flight, and the same input run again finishes every merchant once' {
        Initialize-Merchant (301..330)
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; delayMilliseconds = 200; times = -1 }
        $rows = 301..330 | ForEach-Object { New-Row $_ }
        $runspace = [powershell]::Create()
        $null = $runspace.AddScript({
            param($module, $splat, $rows)
            Import-Module $module
            Connect-Dintero @splat
            $rows | New-DinteroCommonConnection -ReportVariable report -ThrottleLimit 4
        }).AddArgument($env:DINTERO_TEST_MODULE).AddArgument($partner).AddArgument($rows)
        $base = @(Get-EmulatorRequest POST '/v1/accounts/*/management/settings/connections/common').Count
        $async = $runspace.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while ([DateTime]::UtcNow -lt $deadline -and @(Get-EmulatorRequest POST '/v1/accounts/*/management/settings/connections/common').Count - $base -lt 8) { Start-Sleep -Milliseconds 50 }
        $runspace.Stop()
        $report = $runspace.Runspace.SessionStateProxy.GetVariable('report')
        $runspace.Dispose()
        Clear-EmulatorFault

        $stored = 301..330 | Where-Object { (Get-StoredCount ('T{0:D8}' -f $_)) -gt 0 }
        $stored.Count | Should -BeLessThan 30
        # Every signup Dintero stored is in the report, as Created or as Unknown (in flight at the stop).
        $reported = @($report | Where-Object outcome -in 'Created', 'Unknown' | ForEach-Object { [int]$_.account_id.Substring(1) })
        $stored | ForEach-Object { $reported | Should -Contain $_ }

        $again = $rows | New-DinteroCommonConnection -ReportVariable second -WarningAction SilentlyContinue -InformationAction Ignore
        301..330 | ForEach-Object { Get-StoredCount ('T{0:D8}' -f $_) } | Should -Be (@(1) * 30)
        @($second | Where-Object outcome -eq 'Created').Count | Should -Be (30 - $stored.Count)
    }

    It 'ends on credentials refused mid-run with every row sent in the report, and the summary saying to run the same input again' {
        Initialize-Merchant (331..350)
        Add-EmulatorFault @{ method = 'POST'; path = $signupPath; delayMilliseconds = 300; times = -1 }
        $spare = @{ AccountId = $partnerId; ClientId = $env:DINTERO_TEST_SPARE_CLIENT_ID; ClientSecret = (ConvertTo-SecureString $env:DINTERO_TEST_SPARE_CLIENT_SECRET -AsPlainText -Force); BaseUri = $env:DINTERO_TEST_BASE_URI }
        $base = @(Get-EmulatorRequest POST '/v1/accounts/*/management/settings/connections/common').Count
        $runspace = [powershell]::Create()
        $null = $runspace.AddScript({
            param($module, $splat, $rows)
            Import-Module $module
            Connect-Dintero @splat
            $rows | New-DinteroCommonConnection -ReportVariable report -InformationVariable info -ThrottleLimit 2
        }).AddArgument($env:DINTERO_TEST_MODULE).AddArgument($spare).AddArgument((331..350 | ForEach-Object { New-Row $_ }))
        $async = $runspace.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while ([DateTime]::UtcNow -lt $deadline -and @(Get-EmulatorRequest POST '/v1/accounts/*/management/settings/connections/common').Count - $base -lt 4) { Start-Sleep -Milliseconds 50 }
        # The client is deleted at Dintero mid-run: its tokens are revoked and its credentials refused from now on.
        $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/clients/$($env:DINTERO_TEST_SPARE_CLIENT_ID)/revoke"
        # The runspace's script ends at the terminating error, which goes to its error stream.
        $null = $runspace.EndInvoke($async)
        $failure = $runspace.Streams.Error | Select-Object -Last 1
        $report = $runspace.Runspace.SessionStateProxy.GetVariable('report')
        $info = $runspace.Runspace.SessionStateProxy.GetVariable('info')
        $runspace.Dispose()
        Clear-EmulatorFault

        $failure.FullyQualifiedErrorId | Should -BeLike 'Dintero.Access.CredentialsRefused*'
        $summary = "$($info | Select-Object -Last 1)"
        $summary | Should -Match 'by Dintero.Access.CredentialsRefused'
        $summary | Should -Match 'pipe the same input into New-DinteroCommonConnection again'
        $stored = 331..350 | Where-Object { (Get-StoredCount ('T{0:D8}' -f $_)) -gt 0 }
        $reported = @($report | Where-Object outcome -in 'Created', 'Unknown' | ForEach-Object { [int]$_.account_id.Substring(1) })
        $stored | ForEach-Object { $reported | Should -Contain $_ }
    }
}

Describe '10b. A pipeline that had enough (Select-Object -First, a child pwsh -NonInteractive)' {
    It 'writes no summary for a read it stopped, and tells what a creator did beyond what was taken' {
        Initialize-Merchant (361, 362, 363)
        $run = Invoke-Runbook @'
$ids = 'T00000361', 'T00000362', 'T00000363'
$read = $ids | Get-DinteroAccountSetting | Select-Object -First 1
Write-Host 'after the read'
$made = $ids | ForEach-Object { [pscustomobject]@{ account_id = $_; 'payment_options[0].type' = 'dintero.zero'; store_type = 'online' } } | New-DinteroCommonConnection -ThrottleLimit 3 | Select-Object -First 1
[pscustomobject]@{ read = $read.account_id; made = $made.account_id }
'@

        $run.Result.read | Should -Be 'T00000361' -Because $run.Output
        $run.Result.made | Should -Be 'T00000361' -Because $run.Output
        $beforeRead, $afterRead = $run.Output -split 'after the read'
        $beforeRead | Should -Not -Match 'Get-DinteroAccountSetting: \d+ rows'
        # The rows sent ahead of the one taken were stored: the summary says so, on the host.
        $stored = @('T00000361', 'T00000362', 'T00000363' | Where-Object { (Get-StoredCount $_) -gt 0 }).Count
        $stored | Should -BeGreaterThan 1
        $afterRead | Should -Match "New-DinteroCommonConnection: \d+ rows .*Created $stored"
    }
}

Describe '12. The smaller points' {
    It 'refuses a percent-encoded dot segment in a path' {
        { Invoke-DinteroRequest -AccountId T00000001 -Path 'management/%2e%2e/%2e%2e/auth/clients' -ErrorAction Stop } | Should -Throw -ErrorId 'Dintero.ValidationFailed*'
    }

    It 'masks a bank account number written with spaces in a refusal, and keeps personal numbers out of Get-Error and a report''s CSV' {
        $row = [pscustomobject]@{ account_id = 'T00000001'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'onlin'; 'applicant.social_security_number' = '01019012345'; 'bank_accounts[0].account_number' = '1234 56 78903' }

        $row | New-DinteroCommonConnection -ReportVariable report -ErrorVariable failures -ErrorAction SilentlyContinue -InformationAction Ignore
        $view = $failures[0] | Get-Error | Out-String -Width 300
        $report | Export-Csv (Join-Path $TestDrive 'report.csv')
        $csv = Get-Content (Join-Path $TestDrive 'report.csv') -Raw

        $view | Should -Not -Match '01019012345'
        $view | Should -Not -Match '1234 56 78903'
        $csv | Should -Not -Match '01019012345'
        $csv | Should -Not -Match '1234 56 78903'
        # The in-session report still goes on: its masked numbers bind as the row's.
        $report[0].'applicant.social_security_number'.GetPlainText() | Should -Be '01019012345'
    }

    It 'refuses a report read back from its CSV where a personal number is only the mask, and sends nothing' {
        Initialize-Merchant 296
        $row = [pscustomobject]@{ account_id = 'T00000296'; 'payment_options[0].type' = 'dintero.zero'; store_type = 'onlin'; 'applicant.social_security_number' = '01019012345' }
        $row | New-DinteroCommonConnection -ReportVariable report -ErrorAction SilentlyContinue -InformationAction Ignore
        $report | Export-Csv (Join-Path $TestDrive 'masked.csv')
        $before = @(Get-EmulatorRequest POST '/v1/accounts/T00000296/*').Count

        # The user fixes the refused cell in the file and runs the failed rows again, as the summary says.
        $again = Import-Csv (Join-Path $TestDrive 'masked.csv') | ForEach-Object { $_.store_type = 'online'; $_ }
        $again | New-DinteroCommonConnection -ErrorVariable refused -ErrorAction SilentlyContinue -InformationAction Ignore

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Dintero.ValidationFailed*'
        $refused[0].Exception.Message | Should -Match 'signup\.applicant\.social_security_number.*the mask a report writes'
        @(Get-EmulatorRequest POST '/v1/accounts/T00000296/*').Count - $before | Should -Be 0
        # The report in the session holds the number itself: piped back, the row goes.
        $null = $report | ForEach-Object { $_.store_type = 'online'; $_ } | New-DinteroCommonConnection -InformationAction Ignore
        Get-StoredCount T00000296 | Should -Be 1
        (Invoke-RestMethod "$($emulator)_emulator/accounts/T00000296/connections/common").signup.applicant.social_security_number | Should -Be '01019012345'
    }

    It 'makes every error the module writes a DinteroException, a missing connection included' {
        $saved = Get-DinteroContext
        Disconnect-Dintero
        $caught = try { Get-DinteroAccountSetting } catch [Dintero.Connections.Errors.DinteroException] { 'caught as DinteroException' } catch { "caught as $($_.Exception.GetType().Name)" }
        Connect-Dintero @partner

        $caught | Should -Be 'caught as DinteroException'
    }

    It 'leaves no session behind a failed Connect-Dintero' {
        $wrong = $partner.Clone()
        $wrong.ClientSecret = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force

        { Connect-Dintero @wrong } | Should -Throw
        { Get-DinteroAccountSetting -AccountId T00000001 } | Should -Throw -ErrorId 'Dintero.NotConnected*'
        Connect-Dintero @partner
    }
}
}
