<#
.SYNOPSIS
What the cmdlet layer costs per row, in this pwsh, against the engine's floor; and what Import-Module costs.

.DESCRIPTION
Starts the emulator (built by `dotnet build`) with the demo partner, enough merchants for every run, and a latency on
every request, then in this pwsh, connected as the partner:

- New-DinteroCommonConnection for -Merchants new merchants at -ThrottleLimit 8: each merchant needs an exchange, its
  token and the signup, so the floor is 3 x merchants x latency / 8 (3,000 ms for 200 at 40 ms); the one read of the
  partner's merchants that have the kind already is in the time, not in the floor;
- Get-DinteroConnection over the same merchants, whose tokens are cached: merchants x latency / 8 (1,000 ms).

Prints the median of -Runs runs (new merchants each run) with its ratio to the floor (targets: 1.06x each), then the
median of ten `pwsh -NoProfile -Command "Import-Module ..."` against ten bare `pwsh -NoProfile -Command exit` (target:
at most +100 ms), with an empty manifest module's import beside them: what any Import-Module costs on the machine. -Smoke runs once with a few merchants, no latency and two imports: a check that the bench still runs.

.EXAMPLE
pwsh ./bench/PerRow.ps1 -Runs 3 -Merchants 200 -LatencyMilliseconds 40
#>
[CmdletBinding()]
param(
    [int] $Runs = 3,
    [int] $Merchants = 200,
    [int] $LatencyMilliseconds = 40,
    [int] $ThrottleLimit = 8,
    [int] $Imports = 10,
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Smoke
)

$ErrorActionPreference = 'Stop'
if ($Smoke) { $Runs = 1; $Merchants = 4; $LatencyMilliseconds = 0; $Imports = 2 }
$root = Split-Path $PSScriptRoot
$module = Join-Path $root 'out/Dintero.Connections/Dintero.Connections.psd1'
if (-not (Test-Path $module)) { throw "$module is missing: run dotnet build first." }
. (Join-Path $root 'tools/ChildPwsh.ps1')
. (Join-Path $root 'tools/Emulator.ps1')

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

$emulator = Start-DinteroEmulator -Configuration $Configuration -ArgumentList '--partner-merchants', ($Runs * $Merchants + 1), '--merchants-have-organization-numbers', '--latency', $LatencyMilliseconds
try {
    Import-Module $module -Force
    $secret = ConvertTo-SecureString 'demo-partner-secret-change-me' -AsPlainText -Force
    Connect-Dintero -AccountId T11200000 -ClientId demo-partner -ClientSecret $secret -BaseUri $emulator.BaseUri
    # Invoke-RestMethod writes a JSON array as one object: assigned first, it is enumerated.
    $requests = { $log = Invoke-RestMethod "$($emulator.RootUri)/_emulator/requests"; @($log).Count }
    $sent = @{ Signups = 0; Reads = 0 }
    $signups = [Collections.Generic.List[double]]::new()
    $reads = [Collections.Generic.List[double]]::new()
    # The demo partner's own three merchants come first; each run takes new ones after them.
    $next = 4
    for ($run = 0; $run -lt $Runs; $run++) {
        $rows = @($next..($next + $Merchants - 1) | ForEach-Object { [pscustomobject]@{ account_id = 'T112{0:D5}' -f $_; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = 'online' } })
        $next += $Merchants
        $created = $null
        $before = & $requests
        $signups.Add((Measure-Command { $script:created = $rows | New-DinteroCommonConnection -ThrottleLimit $ThrottleLimit -InformationAction Ignore }).TotalMilliseconds)
        if (@($created).Count -ne $Merchants) { throw "Run $run created $(@($created).Count) of $Merchants signups." }
        $sent.Signups += (& $requests) - $before
        $read = $null
        $before = & $requests
        $reads.Add((Measure-Command { $script:read = $rows | Get-DinteroConnection -ConnectionType Common -ThrottleLimit $ThrottleLimit -InformationAction Ignore }).TotalMilliseconds)
        if (@($read).Count -ne $Merchants) { throw "Run $run read $(@($read).Count) of $Merchants connections." }
        $sent.Reads += (& $requests) - $before
    }
    $signupFloor = 3 * $Merchants * $LatencyMilliseconds / $ThrottleLimit
    $readFloor = $Merchants * $LatencyMilliseconds / $ThrottleLimit
    $signup = Get-Median $signups
    $readTime = Get-Median $reads
    Write-Output ("Per row in pwsh {0}: {1} of a partner's merchants, {2} ms on every call, -ThrottleLimit {3}, median of {4}" -f $PSVersionTable.PSVersion, $Merchants, $LatencyMilliseconds, $ThrottleLimit, $Runs)
    foreach ($figure in @(
            @{ What = 'New-DinteroCommonConnection'; Time = $signup; Floor = $signupFloor; All = $signups; Sent = $sent.Signups }
            @{ What = 'Get-DinteroConnection      '; Time = $readTime; Floor = $readFloor; All = $reads; Sent = $sent.Reads })) {
        $ratio = if ($figure.Floor -gt 0) { $figure.Time / $figure.Floor } else { [double]::NaN }
        $met = if ($Smoke) { 'smoke' } elseif ($ratio -le 1.06) { 'met' } else { 'NOT MET' }
        Write-Output ("  {0} {1,7:N0} ms (floor {2:N0} ms, {3:0.00}x; target <= 1.06x) {4}; runs: {5}" -f $figure.What, $figure.Time, $figure.Floor, $ratio, $met, (($figure.All | ForEach-Object { '{0:N0}' -f $_ }) -join ', '))
        if ($Merchants -gt 0) { Write-Output ("    {0:0.00} ms a row over the floor; {1:0.00} requests a merchant" -f (($figure.Time - $figure.Floor) / $Merchants), ($figure.Sent / ($Merchants * $Runs))) }
    }
}
finally {
    Stop-DinteroEmulator $emulator
}

# Import-Module against a bare pwsh, in fresh processes, alternating so that neither side gets a warmer machine; an
# empty manifest module beside them says what any Import-Module costs, so that the module's own share shows.
$empty = Join-Path ([IO.Path]::GetTempPath()) "dintero-perrow-empty-$PID"
$null = New-Item -ItemType Directory -Force $empty
Set-Content (Join-Path $empty 'Empty.psd1') "@{ ModuleVersion = '1.0'; FunctionsToExport = @(); CmdletsToExport = @() }"
$bare = [Collections.Generic.List[double]]::new()
$imported = [Collections.Generic.List[double]]::new()
$emptyImported = [Collections.Generic.List[double]]::new()
try {
    for ($i = 0; $i -lt $Imports; $i++) {
        $bare.Add((Measure-Command { Invoke-ChildPwsh -NoProfile -NonInteractive -Command 'exit' | Out-Null }).TotalMilliseconds)
        $emptyImported.Add((Measure-Command { Invoke-ChildPwsh -NoProfile -NonInteractive -Command "Import-Module '$(Join-Path $empty 'Empty.psd1')'" | Out-Null }).TotalMilliseconds)
        $imported.Add((Measure-Command { Invoke-ChildPwsh -NoProfile -NonInteractive -Command "Import-Module '$module'" | Out-Null }).TotalMilliseconds)
    }
}
finally { Remove-Item -Recurse -Force $empty }
$over = (Get-Median $imported) - (Get-Median $bare)
$met = if ($Smoke) { 'smoke' } elseif ($over -le 100) { 'met' } else { 'NOT MET' }
Write-Output ("Import-Module: {0:N0} ms over a bare pwsh ({1:N0} vs {2:N0} ms, median of {3}; target <= +100 ms) {4}; an empty module: {5:N0} ms over, so the module's own share is {6:N0} ms" -f $over, (Get-Median $imported), (Get-Median $bare), $Imports, $met, ((Get-Median $emptyImported) - (Get-Median $bare)), ((Get-Median $imported) - (Get-Median $emptyImported)))
