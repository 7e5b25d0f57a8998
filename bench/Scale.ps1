<#
.SYNOPSIS
The biggest books: what a merchant costs the module at the 100,000th as at the 1st, in one session.

.DESCRIPTION
Starts the emulator (built by `dotnet build`) as a child process with one partner and enough merchants for every slice
(one partner of 226,000 merchants for the default sizes), then, in this pwsh, connected as the partner, in one session:
after a warm-up slice of 2,000 of each, for each size in -Sizes, Get-DinteroAccountSetting over that many merchants new to
the session (an exchange, a token and a read each), then Get-DinteroMerchantReadiness over as many others (an exchange,
a token and four reads each: settings, API clients, grants, the default payment profile). For each slice it prints:

- the wall time, and with -LatencyMilliseconds its floor: calls a merchant x merchants x latency / -ThrottleLimit;
- the module's CPU per merchant: this pwsh's processor time over the slice, divided by its merchants (the emulator runs
  in its own process, measured apart: its CPU per merchant beside it, which must be flat too);
- the session's memory after the slice: the managed heap after a full collection (the bench keeps no output: it counts
  the rows as they stream by), and the process's working set;
  and what the session holds that could grow with merchants: the tokens cached and the values the redactor masks.

Targets (issue "The biggest books"): the module's CPU per merchant at 100,000 within 1.2x of its figure at 1,000, for
each command; with 40 ms on every call at -ThrottleLimit 8, each command within 1.15x of its floor; the session's
memory at 100,000 a small multiple of what it is at 1,000. -Smoke runs two small slices without latency: a check that
the bench still runs (tests/Benchmarks.Tests.ps1).

.EXAMPLE
pwsh ./bench/Scale.ps1                                              # 1,000, 10,000 and 100,000, no latency: CPU and memory
pwsh ./bench/Scale.ps1 -Sizes 1000,10000,100000 -LatencyMilliseconds 40  # the same against the latency floor (about 90 minutes)
pwsh ./bench/Scale.ps1 -Sizes 5000,5000,5000                           # three equal slices: the cost must not grow
#>
[CmdletBinding()]
param(
    # Merchants a slice; also one comma-separated word (pwsh -File passes no arrays).
    [string[]] $Sizes = @('1000', '10000', '100000'),
    [int] $LatencyMilliseconds = 0,
    [int] $ThrottleLimit = 8,
    [ValidateSet('Settings', 'Readiness')]
    [string[]] $Commands = @('Settings', 'Readiness'),
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Smoke
)

$ErrorActionPreference = 'Stop'
[int[]] $Sizes = @($Sizes | ForEach-Object { $_ -split ',' } | Where-Object { $_.Trim() } | ForEach-Object { [int] $_.Trim() })
if ($Smoke) { $Sizes = @(20, 40); $LatencyMilliseconds = 0 }
$root = Split-Path $PSScriptRoot
$module = Join-Path $root 'out/Dintero.Connections/Dintero.Connections.psd1'
if (-not (Test-Path $module)) { throw "$module is missing: run dotnet build first." }
. (Join-Path $root 'tools/Emulator.ps1')
Import-Module $module -Force

# Calls each merchant costs, new to the session: the exchange and the merchant's token, then the command's reads (the
# readiness report's are ReadinessCheck.Reads, 5; the engine loads apart from this session, so it is written here).
$calls = @{ Settings = 3; Readiness = 2 + 5 }
# A warm-up slice of each command first, not counted: the first slice would otherwise pay for the JIT.
$warmUp = if ($Smoke) { 5 } else { 2000 }
$total = (($Sizes | Measure-Object -Sum).Sum + $warmUp) * $Commands.Count
# The request log keeps the last entries only: a bench of this size would hold every request and body otherwise.
$emulator = Start-DinteroEmulator -Configuration $Configuration -ArgumentList '--partner-merchants', $total, '--latency', $LatencyMilliseconds, '--request-log-limit', 1000
try {
    # Invoke-RestMethod writes a JSON array as one object: assigned first, it is enumerated.
    $listed = Invoke-RestMethod "$($emulator.RootUri)/_emulator/partners/T11200000/merchant-ids"
    $merchants = @($listed)
    # The demo partner's first three merchants are the tour's; the slices take the ones after them.
    $merchants = @($merchants | Select-Object -Skip 3)
    if ($merchants.Count -lt $total) { throw "The emulator has $($merchants.Count) merchants for $total." }
    $secret = ConvertTo-SecureString 'demo-partner-secret-change-me' -AsPlainText -Force
    $context = Connect-Dintero -AccountId T11200000 -ClientId demo-partner -ClientSecret $secret -BaseUri $emulator.BaseUri -CheckoutBaseUri $emulator.CheckoutBaseUri -PassThru
    # What the session holds, read the way only a bench may: the engine's client behind the context.
    $flags = [Reflection.BindingFlags]'NonPublic, Public, Instance'
    $api = $context.GetType().GetProperty('Api', $flags).GetValue($context)
    $redactor = $api.GetType().GetField('redactor', $flags).GetValue($api)
    $secretsHeld = { $known = $redactor.GetType().GetField('secrets', $flags); if ($known) { $known.GetValue($redactor).Count } else { @($redactor.GetType().GetField('knownSecrets', $flags).GetValue($redactor)).Count } }
    $self = [Diagnostics.Process]::GetCurrentProcess()
    $next = 0
    foreach ($command in $Commands) {
        $ids = $merchants[$next..($next + $warmUp - 1)]
        $next += $warmUp
        $null = switch ($command) {
            'Settings' { $ids | Get-DinteroAccountSetting -ThrottleLimit $ThrottleLimit -InformationAction Ignore }
            'Readiness' { $ids | Get-DinteroMerchantReadiness -ThrottleLimit $ThrottleLimit -InformationAction Ignore -WarningAction SilentlyContinue }
        }
    }
    $rows = [Collections.Generic.List[object]]::new()
    Write-Output ("Scale in pwsh {0}: one partner, {1} ms on every call, -ThrottleLimit {2}, slices of {3} merchants each new to the session" -f $PSVersionTable.PSVersion, $LatencyMilliseconds, $ThrottleLimit, ($Sizes -join ', '))
    foreach ($size in $Sizes) {
        foreach ($command in $Commands) {
            $ids = $merchants[$next..($next + $size - 1)]
            $next += $size
            [GC]::Collect(); [GC]::WaitForPendingFinalizers()
            $self.Refresh(); $emulator.Process.Refresh()
            $cpu = $self.TotalProcessorTime
            $emulatorCpu = $emulator.Process.TotalProcessorTime
            $watch = [Diagnostics.Stopwatch]::StartNew()
            # Counted as they stream by: the bench keeps no output, so the session's memory is what the module holds.
            $written = switch ($command) {
                'Settings' { ($ids | Get-DinteroAccountSetting -ThrottleLimit $ThrottleLimit -InformationAction Ignore | Measure-Object).Count }
                'Readiness' { ($ids | Get-DinteroMerchantReadiness -ThrottleLimit $ThrottleLimit -InformationAction Ignore -WarningAction SilentlyContinue | Measure-Object).Count }
            }
            $watch.Stop()
            $self.Refresh(); $emulator.Process.Refresh()
            if ($written -ne $size) { throw "$command over $size merchants wrote $written rows." }
            $moduleCpu = ($self.TotalProcessorTime - $cpu).TotalMilliseconds
            $emulatorSpent = ($emulator.Process.TotalProcessorTime - $emulatorCpu).TotalMilliseconds
            $ids = $null
            $null = [GC]::GetTotalMemory($true)
            $floor = $calls[$command] * $size * $LatencyMilliseconds / $ThrottleLimit
            $row = [pscustomobject]@{
                Command          = $command
                Merchants        = $size
                Seconds          = [Math]::Round($watch.Elapsed.TotalSeconds, 2)
                FloorSeconds     = [Math]::Round($floor / 1000, 2)
                AgainstFloor     = if ($floor -gt 0) { [Math]::Round($watch.Elapsed.TotalMilliseconds / $floor, 3) } else { $null }
                ModuleCpuMsEach  = [Math]::Round($moduleCpu / $size, 3)
                EmulatorCpuMsEach = [Math]::Round($emulatorSpent / $size, 3)
                HeapMiB          = [Math]::Round([GC]::GetTotalMemory($true) / 1MB, 1)
                WorkingSetMiB    = [Math]::Round($self.WorkingSet64 / 1MB, 1)
                TokensHeld       = $api.TokenCache.Count
                SecretsHeld      = & $secretsHeld
            }
            $rows.Add($row)
            Write-Output ("  {0,-9} {1,7:N0} merchants {2,8:N1} s{3}; module CPU {4,6:N3} ms a merchant, emulator {5,6:N3} ms; heap {6,6:N1} MiB, working set {7,6:N1} MiB; {8:N0} tokens and {9:N0} secrets held" -f `
                    $command, $size, $row.Seconds, $(if ($floor -gt 0) { " (floor {0:N1} s, {1:0.00}x)" -f ($floor / 1000), $row.AgainstFloor } else { '' }), $row.ModuleCpuMsEach, $row.EmulatorCpuMsEach, $row.HeapMiB, $row.WorkingSetMiB, $row.TokensHeld, $row.SecretsHeld)
        }
    }
    if (-not $Smoke -and $Sizes.Count -gt 1) {
        foreach ($command in $Commands) {
            $first = $rows | Where-Object Command -eq $command | Select-Object -First 1
            $last = $rows | Where-Object Command -eq $command | Select-Object -Last 1
            $cpu = $last.ModuleCpuMsEach / $first.ModuleCpuMsEach
            Write-Output ("  {0}: module CPU a merchant at {1:N0} is {2:0.00}x its figure at {3:N0} (target <= 1.2x) {4}; emulator {5:0.00}x; heap {6:0.0}x" -f `
                    $command, $last.Merchants, $cpu, $first.Merchants, $(if ($cpu -le 1.2) { 'met' } else { 'NOT MET' }), ($last.EmulatorCpuMsEach / [Math]::Max(0.001, $first.EmulatorCpuMsEach)), ($last.HeapMiB / $first.HeapMiB))
        }
    }
}
finally {
    Stop-DinteroEmulator $emulator
}
