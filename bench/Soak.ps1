<#
.SYNOPSIS
A partner's onboarding day under faults: a sheet of merchants signed up while Dintero throttles, gateways answer 503,
answers are lost after the signup was stored, and calls stall; then the same sheet run again from the first run's
report, and a run stopped half-way and run again. Prints figures; throws when a row is lost or a signup sent twice.

.DESCRIPTION
Starts the emulator (built by `dotnet build`) as a child process with the demo partner and its merchants, a latency on
every request, and a seeded mix of faults: 5 % 429 with Retry-After 1 s on every request, 3 % 503 on GETs, 1 % 500 and
1 % connections dropped after the signup was stored on the signup POSTs, 1 % 2-second stalls. Then, in this pwsh:

1. Run 1: the sheet piped into New-DinteroCommonConnection -ReportVariable, at default preferences, every stream
   captured. Every row must end as exactly one of Created, Skipped, Failed or Unknown, each failure with its ErrorId
   and what to do; the emulator must have stored at most one signup per merchant.
2. Run 2: run 1's report through Export-Csv and Import-Csv, piped in again. Every merchant must then have exactly one
   stored signup: the failed rows were sent, the created ones skipped, none sent twice.
3. The stop: another set of merchants, in a runspace of its own, stopped (as Ctrl+C or a job's stop does) once about
   40 % have been stored, then run again. Every signup stored before the stop must be in the stopped run's report, as
   Created or Unknown; after the run again, every merchant has exactly one.
4. Forced over existing connections: a set of merchants that have a pending Common connection already, signed up again
   with -Force and other values, while a fifth of those POSTs answer 500 (nothing stored) and a fifth lose their answer
   after storing. No row may say Created unless the emulator stores this run's signup for it, in this run and in run 1
   (each Created row is checked against the connection the emulator holds).
5. As a runbook runs it: another set of merchants under the day's faults and 3 % more 500s on the signup POSTs, with
   $ErrorActionPreference = 'Stop', so the first failed row ends each run. Every signup stored before a run ended must be in that run's report; each run's
   summary says how to go on (the same input again), and the set is run so until a run ends without an error. Then
   every merchant of the set has exactly one stored signup.

Figures: run 1's time against its floor (3 requests per merchant, exchange, token and signup, at the latency,
-ThrottleLimit at a time) and against the floor plus every wait the faults asked for as if none overlapped (each 429
holds every request of the client for its Retry-After, each stall one slot for 2 s), requests per merchant, and the
bytes written to the error, warning and verbose streams.
With -PassThru the figures come back as an object (tests/Soak.Tests.ps1 runs 100 merchants so).

.EXAMPLE
pwsh ./bench/Soak.ps1 -Merchants 1000
#>
[CmdletBinding()]
param(
    [int] $Merchants = 1000,
    [int] $ThrottleLimit = 8,
    [int] $LatencyMilliseconds = 40,
    [int] $Seed = 20261201,
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $PassThru
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$module = Join-Path $root 'out/Dintero.Connections/Dintero.Connections.psd1'
if (-not (Test-Path $module)) { throw "$module is missing: run dotnet build first." }
. (Join-Path $root 'tools/Emulator.ps1')
Import-Module $module -Force

$stopped = [Math]::Max(20, [int]($Merchants / 10))
$forcedCount = [Math]::Max(20, [int]($Merchants / 10))
$strictCount = [Math]::Max(20, [int]($Merchants / 10))
# The demo partner has three merchants of its own; the sheet's come after them.
$emulator = Start-DinteroEmulator -Configuration $Configuration -ArgumentList '--partner-merchants', ($Merchants + $stopped + $forcedCount + $strictCount), '--merchants-have-organization-numbers', '--latency', $LatencyMilliseconds
try {
    $admin = "$($emulator.RootUri)/_emulator"
    $partner = @{ AccountId = 'T11200000'; ClientId = 'demo-partner'; ClientSecret = (ConvertTo-SecureString 'demo-partner-secret-change-me' -AsPlainText -Force); BaseUri = $emulator.BaseUri }
    $signupPath = '/v1/accounts/*/management/settings/connections/common'
    $mix = @(
        @{ method = '*'; path = '*'; status = 429; retryAfterSeconds = 1; share = 0.05; times = -1; seed = $Seed }
        @{ method = 'GET'; path = '*'; status = 503; share = 0.03; times = -1; seed = $Seed + 1 }
        @{ method = 'POST'; path = $signupPath; status = 500; share = 0.01; times = -1; seed = $Seed + 2 }
        @{ method = 'POST'; path = $signupPath; drop = $true; afterProcessing = $true; share = 0.01; times = -1; seed = $Seed + 3 }
        @{ method = '*'; path = '*'; delayMilliseconds = 2000; share = 0.01; times = -1; seed = $Seed + 4 }
    )

    function Get-Log { $log = Invoke-RestMethod "$admin/requests"; @($log) }

    function New-Sheet([int] $From, [int] $Count, [string] $Package = 'Checkout 195 NOK/month + 1.5%') {
        foreach ($i in $From..($From + $Count - 1)) {
            [pscustomobject]@{
                account_id                    = 'T112{0:D5}' -f ($i + 3)
                'payment_options[0].type'     = 'dintero.zero'
                'payment_options[0].currencies' = 'NOK'
                store_type                    = 'online'
                'applicant.email'             = "owner$i@merchant$i.example"
                package                       = $Package
                signup_reference              = "sheet-$i"
            }
        }
    }

    # Rows a report calls Created whose signup the emulator does not hold: what a report must never say.
    function Get-CreatedNotStored([object[]] $Report, [hashtable] $Sheet) {
        @($Report | Where-Object outcome -eq 'Created' | Where-Object {
            $row = $Sheet[$_.account_id]
            try { $stored = Invoke-RestMethod "$admin/accounts/$($_.account_id)/connections/common" } catch { $stored = $null }
            -not $stored -or $stored.signup.package -ne $row.package -or $stored.signup.applicant.email -ne $row.'applicant.email'
        })
    }

    # Signups the emulator stored, by account: a POST it answered 200 (or whose answer it dropped after storing).
    function Get-Stored([object[]] $Log) {
        $stored = @{}
        foreach ($entry in $Log) {
            if ($entry.method -eq 'POST' -and $entry.path -like '*/connections/common' -and $entry.status -eq 200) {
                $account = $entry.path.Split('/')[3]
                $stored[$account] = 1 + [int]$stored[$account]
            }
        }
        $stored
    }

    function Measure-Streams([object[]] $Records) {
        $bytes = @{ Error = 0; Warning = 0; Verbose = 0; Information = 0; Output = 0 }
        $encoding = [Text.Encoding]::UTF8
        foreach ($record in $Records) {
            switch ($record) {
                { $_ -is [System.Management.Automation.ErrorRecord] } { $bytes.Error += $encoding.GetByteCount(($_ | Out-String)); continue }
                { $_ -is [System.Management.Automation.WarningRecord] } { $bytes.Warning += $encoding.GetByteCount("WARNING: $($_.Message)`n"); continue }
                { $_ -is [System.Management.Automation.VerboseRecord] } { $bytes.Verbose += $encoding.GetByteCount("VERBOSE: $($_.Message)`n"); continue }
                { $_ -is [System.Management.Automation.InformationRecord] } { $bytes.Information += $encoding.GetByteCount("$($_.MessageData)`n"); continue }
                default { $bytes.Output++ }
            }
        }
        $bytes
    }

    function Assert-That([bool] $Condition, [string] $Message) { if (-not $Condition) { throw "Soak failed: $Message" } }

    $null = Connect-Dintero @partner
    # The forced set's connections exist before the day starts (pending, with the first package), stored without faults.
    $forcedFirst = @(New-Sheet ($Merchants + $stopped + 1) $forcedCount -Package 'first')
    $null = $forcedFirst | New-DinteroCommonConnection -ThrottleLimit $ThrottleLimit -ErrorAction Stop -InformationAction Ignore -WarningAction SilentlyContinue
    foreach ($fault in $mix) { $null = Invoke-RestMethod -Method Post "$admin/faults" -ContentType 'application/json' -Body ($fault | ConvertTo-Json) }
    $sheet = @(New-Sheet 1 $Merchants)
    $accounts = $sheet.account_id
    $floor = [timespan]::FromMilliseconds(3 * $Merchants * $LatencyMilliseconds / $ThrottleLimit)

    # 1. The day's run, at default preferences, every stream captured as a job keeps them.
    $before = (Get-Log).Count
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $records = @($sheet | New-DinteroCommonConnection -ThrottleLimit $ThrottleLimit -ReportVariable report1 -ErrorAction Continue *>&1)
    $watch.Stop()
    $firstTime = $watch.Elapsed
    $log1 = @(Get-Log | Select-Object -Skip $before)
    # What the faults ask for: every 429 holds the whole client for its Retry-After (1 s; 429s that overlap share the
    # pause), a stall holds one slot 2 s. The floor plus all of it, as if none overlapped, bounds the run from above.
    $applied = Invoke-RestMethod "$admin/faults"
    $applied = @($applied)
    $throttled = [int]($applied | Where-Object status -eq 429 | Measure-Object applied -Sum).Sum
    $stalls = [int]($applied | Where-Object delayMilliseconds -eq 2000 | Measure-Object applied -Sum).Sum
    $faultFloor = $floor + [timespan]::FromSeconds($throttled) + [timespan]::FromSeconds(2.0 * $stalls / $ThrottleLimit)
    $streams = Measure-Streams $records
    $outcomes = $report1 | Group-Object outcome -AsHashTable -AsString
    Assert-That ($report1.Count -eq $Merchants) "run 1's report has $($report1.Count) rows for $Merchants merchants"
    Assert-That ((@($report1.row) | Sort-Object -Unique).Count -eq $Merchants) 'a row is missing from, or twice in, run 1''s report'
    Assert-That (@($report1 | Where-Object { $_.outcome -notin 'Created', 'Skipped', 'Failed', 'Unknown' }).Count -eq 0) 'a row of run 1 has no outcome'
    Assert-That (@($report1 | Where-Object { $_.outcome -in 'Failed', 'Unknown' -and (-not $_.error_id -or -not $_.action) }).Count -eq 0) 'a failed row has no ErrorId or no advice'
    Assert-That ($streams.Output -eq @($outcomes['Created']).Count) "run 1 wrote $($streams.Output) connections for $(@($outcomes['Created']).Count) created rows"
    $stored1 = Get-Stored (Get-Log)
    Assert-That (@($stored1.Values | Where-Object { $_ -gt 1 }).Count -eq 0) 'a merchant has two stored signups after run 1'
    $bySheet = @{}; foreach ($row in $sheet) { $bySheet[$row.account_id] = $row }
    $createdNotStored1 = @(Get-CreatedNotStored $report1 $bySheet)
    Assert-That ($createdNotStored1.Count -eq 0) "$($createdNotStored1.Count) rows of run 1 say Created, and the emulator holds no such signup: $($createdNotStored1.account_id -join ', ')"

    # 2. The same sheet again, from run 1's report as Export-Csv wrote it.
    $csv = Join-Path ([IO.Path]::GetTempPath()) "dintero-soak-$PID.csv"
    $report1 | Export-Csv $csv -NoTypeInformation
    $before = (Get-Log).Count
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $records2 = @(Import-Csv $csv | New-DinteroCommonConnection -ThrottleLimit $ThrottleLimit -ReportVariable report2 -ErrorAction Continue *>&1)
    $watch.Stop()
    $secondTime = $watch.Elapsed
    $log2 = @(Get-Log | Select-Object -Skip $before)
    Remove-Item $csv
    $streams2 = Measure-Streams $records2
    $outcomes2 = $report2 | Group-Object outcome -AsHashTable -AsString
    $stored2 = Get-Stored (Get-Log)
    $missing = @($accounts | Where-Object { [int]$stored2[$_] -eq 0 })
    $twice = @($accounts | Where-Object { [int]$stored2[$_] -gt 1 })
    Assert-That ($report2.Count -eq $Merchants) "run 2's report has $($report2.Count) rows"
    Assert-That ($twice.Count -eq 0) "$($twice.Count) merchants have two stored signups after run 2: $($twice -join ', ')"
    # A row can fail again under the faults of run 2 (1 % 500s); run again until none is left, as an ops engineer would.
    $runs = 2
    $again = @($report2 | Where-Object outcome -in 'Failed', 'Unknown')
    while ($again.Count -gt 0 -and $runs -lt 6) {
        $runs++
        $null = $again | New-DinteroCommonConnection -ThrottleLimit $ThrottleLimit -ReportVariable reportN -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $again = @($reportN | Where-Object outcome -in 'Failed', 'Unknown')
    }
    $stored = Get-Stored (Get-Log)
    $missing = @($accounts | Where-Object { [int]$stored[$_] -eq 0 })
    $twice = @($accounts | Where-Object { [int]$stored[$_] -gt 1 })
    Assert-That ($missing.Count -eq 0) "$($missing.Count) merchants have no signup after $runs runs: $($missing -join ', ')"
    Assert-That ($twice.Count -eq 0) "$($twice.Count) merchants have two stored signups: $($twice -join ', ')"
    $connected = @(Get-DinteroAccount -ConnectionType Common -ConnectionStatus pending -WarningAction SilentlyContinue | Where-Object { $_.account_id -in $accounts }).Count
    Assert-That ($connected -eq $Merchants) "$connected of $Merchants merchants read back with a pending Common connection"

    # 3. Stopped half-way, as Ctrl+C or a job's time limit stops it, then run again.
    Invoke-RestMethod -Method Delete "$admin/faults" | Out-Null
    $stopSheet = @(New-Sheet ($Merchants + 1) $stopped)
    $stopAccounts = $stopSheet.account_id
    $shell = [PowerShell]::Create()
    # Not in a local scope: the report variable outlives the stopped pipeline, to be read from the runspace.
    $null = $shell.AddScript({
        param($module, $partner, $rows, $throttle)
        Import-Module $module
        Connect-Dintero @partner
        $rows | New-DinteroCommonConnection -ThrottleLimit $throttle -ReportVariable stopReport -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
    }, $false).AddArgument($module).AddArgument($partner).AddArgument($stopSheet).AddArgument([Math]::Min(4, $ThrottleLimit))
    # Slow signups, so that the stop finds some in flight.
    $null = Invoke-RestMethod -Method Post "$admin/faults" -ContentType 'application/json' -Body (@{ method = 'POST'; path = $signupPath; delayMilliseconds = 150; times = -1 } | ConvertTo-Json)
    $async = $shell.BeginInvoke()
    $deadline = [DateTime]::UtcNow.AddMinutes(5)
    do { Start-Sleep -Milliseconds 50; $storedNow = Get-Stored (Get-Log); $count = @($stopAccounts | Where-Object { $storedNow[$_] }).Count }
    while ($count -lt [int]($stopped * 0.4) -and [DateTime]::UtcNow -lt $deadline)
    $shell.Stop()
    $stopReport = $shell.Runspace.SessionStateProxy.GetVariable('stopReport')
    $shell.Dispose()
    $storedAtStop = Get-Stored (Get-Log)
    $reported = @{}
    foreach ($row in $stopReport) { if ($row.outcome -in 'Created', 'Unknown') { $reported[$row.account_id] = $row.outcome } }
    $unreported = @($stopAccounts | Where-Object { $storedAtStop[$_] -and -not $reported.ContainsKey($_) })
    Assert-That ($unreported.Count -eq 0) "$($unreported.Count) signups stored before the stop are not in the stopped run's report: $($unreported -join ', ')"
    $null = $stopSheet | New-DinteroCommonConnection -ThrottleLimit $ThrottleLimit -ReportVariable afterStop -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
    $storedAfter = Get-Stored (Get-Log)
    Assert-That (@($stopAccounts | Where-Object { [int]$storedAfter[$_] -ne 1 }).Count -eq 0) 'after the stop and the run again, a merchant has no signup or two'

    # 4. Forced over existing connections, under the day's faults and many more on the forced POSTs.
    Invoke-RestMethod -Method Delete "$admin/faults" | Out-Null
    $forcedMix = $mix + @(
        @{ method = 'POST'; path = $signupPath; status = 500; share = 0.2; times = -1; seed = $Seed + 5 }
        @{ method = 'POST'; path = $signupPath; drop = $true; afterProcessing = $true; share = 0.2; times = -1; seed = $Seed + 6 }
    )
    foreach ($fault in $forcedMix) { $null = Invoke-RestMethod -Method Post "$admin/faults" -ContentType 'application/json' -Body ($fault | ConvertTo-Json) }
    $forcedSheet = @(New-Sheet ($Merchants + $stopped + 1) $forcedCount -Package 'forced')
    $null = $forcedSheet | New-DinteroCommonConnection -Force -ThrottleLimit $ThrottleLimit -ReportVariable forcedReport -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore
    $byForced = @{}; foreach ($row in $forcedSheet) { $byForced[$row.account_id] = $row }
    $createdNotStoredForced = @(Get-CreatedNotStored $forcedReport $byForced)
    Assert-That ($createdNotStoredForced.Count -eq 0) "$($createdNotStoredForced.Count) forced rows say Created, and the emulator holds the earlier signup: $($createdNotStoredForced.account_id -join ', ')"
    # A forced row reported Failed left the earlier signup in place: the emulator must still hold it.
    $failedButChanged = @($forcedReport | Where-Object outcome -eq 'Failed' | Where-Object { (Invoke-RestMethod "$admin/accounts/$($_.account_id)/connections/common").signup.package -ne 'first' })
    Assert-That ($failedButChanged.Count -eq 0) "$($failedButChanged.Count) forced rows say Failed, and the emulator holds their signup"
    $forcedOutcomes = $forcedReport | Group-Object outcome -AsHashTable -AsString

    # 5. As a runbook runs it: $ErrorActionPreference = 'Stop', the day's faults; gone on from as each summary says.
    Invoke-RestMethod -Method Delete "$admin/faults" | Out-Null
    # A few more 500s than the day's, so that errors end runs: each run ends at its first.
    $strictMix = $mix + @(@{ method = 'POST'; path = $signupPath; status = 500; share = 0.03; times = -1; seed = $Seed + 7 })
    foreach ($fault in $strictMix) { $null = Invoke-RestMethod -Method Post "$admin/faults" -ContentType 'application/json' -Body ($fault | ConvertTo-Json) }
    $strictSheet = @(New-Sheet ($Merchants + $stopped + $forcedCount + 1) $strictCount)
    $strictAccounts = $strictSheet.account_id
    $strictRuns = 0
    $strictEnded = 0
    $strictUnreported = 0
    $strictWatch = [Diagnostics.Stopwatch]::StartNew()
    do {
        $strictRuns++
        $storedBefore = Get-Stored (Get-Log)
        $ended = $null
        $strictSummary = $null
        & {
            $ErrorActionPreference = 'Stop'
            try { $null = $strictSheet | New-DinteroCommonConnection -ThrottleLimit $ThrottleLimit -ReportVariable strictReport -InformationVariable strictInfo -WarningAction SilentlyContinue }
            catch { $script:ended = $_.FullyQualifiedErrorId }
            $script:strictSummary = "$($strictInfo | Select-Object -Last 1)"
            $script:strictReport = $strictReport
        }
        $storedNow = Get-Stored (Get-Log)
        $reportedNow = @{}
        foreach ($row in $strictReport) { if ($row.outcome -in 'Created', 'Unknown') { $reportedNow[$row.account_id] = $true } }
        # Signups this run stored: in its report, whatever ended it.
        $strictUnreported += @($strictAccounts | Where-Object { [int]$storedNow[$_] -gt [int]$storedBefore[$_] -and -not $reportedNow.ContainsKey($_) }).Count
        if ($ended) {
            $strictEnded++
            Assert-That ($strictSummary -match 'pipe the same input into New-DinteroCommonConnection again') "run $strictRuns under 'Stop' ended ($ended) without saying how to go on: $strictSummary"
        }
    } while ($ended -and $strictRuns -lt 50)
    $strictWatch.Stop()
    $storedStrict = Get-Stored (Get-Log)
    $strictMissing = @($strictAccounts | Where-Object { [int]$storedStrict[$_] -eq 0 })
    $strictTwice = @($strictAccounts | Where-Object { [int]$storedStrict[$_] -gt 1 })
    Assert-That ($strictUnreported -eq 0) "$strictUnreported signups stored by a run under 'Stop' are not in its report"
    Assert-That ($strictMissing.Count -eq 0) "$($strictMissing.Count) merchants have no signup after $strictRuns runs under 'Stop'"
    Assert-That ($strictTwice.Count -eq 0) "$($strictTwice.Count) merchants have two stored signups after the runs under 'Stop'"

    $requests1 = $log1 | Group-Object { if ($_.path -like '*/auth/exchange_token') { 'exchange' } elseif ($_.path -like '*/auth/token') { 'token' } elseif ($_.path -like '*/connections/common') { "$($_.method) signup" } elseif ($_.path -like '*/management/accounts') { 'merchant list' } else { "$($_.method) other" } } -NoElement
    $figures = [pscustomobject]@{
        Merchants         = $Merchants
        Run1Seconds       = [Math]::Round($firstTime.TotalSeconds, 2)
        FloorSeconds      = [Math]::Round($floor.TotalSeconds, 2)
        Run1AgainstFloor  = [Math]::Round($firstTime.TotalSeconds / $floor.TotalSeconds, 2)
        FloorPlusAllWaitsSeconds = [Math]::Round($faultFloor.TotalSeconds, 2)
        Run1AgainstFloorPlusAllWaits = [Math]::Round($firstTime.TotalSeconds / $faultFloor.TotalSeconds, 2)
        FaultsApplied     = "429 $throttled, stalls $stalls, " + (($applied | Where-Object { $_.status -in 500, 503 -or $_.drop } | ForEach-Object { "$(if ($_.drop) { 'dropped after storing' } else { $_.status }) $($_.applied)" }) -join ', ')
        Run1Outcomes      = ($outcomes.Keys | Sort-Object | ForEach-Object { "$_ $(@($outcomes[$_]).Count)" }) -join ', '
        Run1Requests      = $log1.Count
        RequestsPerMerchant = [Math]::Round($log1.Count / $Merchants, 2)
        Run1ByKind        = ($requests1 | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '
        Run1ErrorBytes    = $streams.Error
        Run1WarningBytes  = $streams.Warning
        Run1VerboseBytes  = $streams.Verbose
        Run1Summary       = ($records | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | Select-Object -Last 1).MessageData
        Run2Seconds       = [Math]::Round($secondTime.TotalSeconds, 2)
        Run2Outcomes      = ($outcomes2.Keys | Sort-Object | ForEach-Object { "$_ $(@($outcomes2[$_]).Count)" }) -join ', '
        Run2Requests      = $log2.Count
        Run2SignupPosts   = @($log2 | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/connections/common' }).Count
        Run2ErrorBytes    = $streams2.Error
        Run2WarningBytes  = $streams2.Warning
        RunsToFinish      = $runs
        ForcedOutcomes    = ($forcedOutcomes.Keys | Sort-Object | ForEach-Object { "$_ $(@($forcedOutcomes[$_]).Count)" }) -join ', '
        CreatedNotStored  = $createdNotStored1.Count + $createdNotStoredForced.Count
        DuplicatePosts    = $twice.Count + $strictTwice.Count
        LostRows          = $missing.Count + $unreported.Count + $strictMissing.Count + $strictUnreported
        StopPreference    = "$strictCount merchants under `$ErrorActionPreference = 'Stop': $strictRuns runs ($strictEnded ended by an error), $([Math]::Round($strictWatch.Elapsed.TotalSeconds, 1)) s, every merchant stored once, $strictUnreported stored signups missing from a report"
        StoppedAt         = "$count of $stopped stored, $(@($stopReport).Count) rows in the stopped run's report"
    }
    if ($PassThru) { $figures } else { $figures | Format-List | Out-String | Write-Host }
}
finally {
    Stop-DinteroEmulator $emulator
}
