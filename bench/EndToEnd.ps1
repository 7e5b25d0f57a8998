<#
.SYNOPSIS
End to end in PowerShell, as a partner onboards: Common signups for a partner's merchants from a fresh pwsh process,
the module against an Invoke-RestMethod loop that does what a script must.

.DESCRIPTION
Starts the emulator (built by `dotnet build`) with the demo partner, enough merchants for every run, and a latency on
every request (tokens and exchanges too), then times, in alternating runs, two fresh `pwsh -NoProfile` processes that
each sign up the same number of the partner's merchants (new ones each run, so that no run finds the last one's):

- the module: Import-Module, Connect-Dintero as the partner, the rows piped into New-DinteroCommonConnection (which
  checks once which merchants have the kind already, then per merchant exchanges the partner's token, gets the
  merchant's token and posts the signup, up to -ThrottleLimit at once);
- the loop: the partner's token with Invoke-RestMethod, then per merchant the exchange, the merchant's token and the
  signup, one after the other, as a script without the module would.

Prints the median of each, per number of merchants. Targets (issue of the re-runs): 20 merchants at 40 ms, module /
loop <= 0.6x; 1 merchant <= 1.0x. -Smoke runs each side once with two merchants and no latency: a check that the bench
still runs (CI), no figure to go by.

.EXAMPLE
pwsh ./bench/EndToEnd.ps1 -Runs 5 -Merchants 20, 1 -LatencyMilliseconds 40
#>
[CmdletBinding()]
param(
    [int] $Runs = 5,
    [int[]] $Merchants = @(20, 1),
    [int] $LatencyMilliseconds = 40,
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $Smoke
)

$ErrorActionPreference = 'Stop'
if ($Smoke) { $Runs = 1; $Merchants = @(2); $LatencyMilliseconds = 0 }
$root = Split-Path $PSScriptRoot
$module = Join-Path $root 'out/Dintero.Connections/Dintero.Connections.psd1'
if (-not (Test-Path $module)) { throw "$module is missing: run dotnet build first." }
. (Join-Path $root 'tools/ChildPwsh.ps1')
. (Join-Path $root 'tools/Emulator.ps1')

$warmups = if ($Smoke) { 0 } else { 1 }
# Fresh merchants for every run of either side; the demo partner has three of its own before them.
$needed = ($Runs + $warmups) * 2 * ($Merchants | Measure-Object -Sum).Sum
$emulator = Start-DinteroEmulator -Configuration $Configuration -ArgumentList '--partner-merchants', $needed, '--merchants-have-organization-numbers', '--latency', $LatencyMilliseconds
try {
    $base = $emulator.BaseUri.TrimEnd('/')
    $partner = 'T11200000'
    $next = 4

    # N merchants not used before, as a row each.
    function Get-Rows([int] $Count) {
        $ids = @($script:next..($script:next + $Count - 1) | ForEach-Object { 'T112{0:D5}' -f $_ })
        $script:next += $Count
        "@($(($ids | ForEach-Object { "'$_'" }) -join ', ')) | ForEach-Object { [pscustomobject]@{ account_id = `$_; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = 'online' } }"
    }

    function Get-ModuleScript([int] $Count) {
        @"
Import-Module '$module'
`$secret = ConvertTo-SecureString 'demo-partner-secret-change-me' -AsPlainText -Force
Connect-Dintero -AccountId $partner -ClientId demo-partner -ClientSecret `$secret -BaseUri '$base'
`$created = $(Get-Rows $Count) | New-DinteroCommonConnection -InformationAction Ignore
if (@(`$created).Count -ne $Count) { exit 1 }
"@
    }

    function Get-LoopScript([int] $Count) {
        @"
`$json = 'application/json'
`$basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('demo-partner:demo-partner-secret-change-me'))
`$body = @{ grant_type = 'client_credentials'; audience = '$base/accounts/$partner' } | ConvertTo-Json
`$partnerToken = (Invoke-RestMethod -Method Post '$base/accounts/$partner/auth/token' -Headers @{ Authorization = "Basic `$basic" } -ContentType `$json -Body `$body).access_token
`$created = foreach (`$row in $(Get-Rows $Count)) {
    `$merchant = `$row.account_id
    `$exchange = (Invoke-RestMethod -Method Post '$base/accounts/$partner/auth/exchange_token' -Headers @{ Authorization = "Bearer `$partnerToken" } -ContentType `$json -Body (@{ account_id = `$merchant } | ConvertTo-Json)).access_token
    `$token = (Invoke-RestMethod -Method Post "$base/accounts/`$merchant/auth/token" -Headers @{ Authorization = "Bearer `$exchange" } -ContentType `$json -Body `$body).access_token
    `$signup = @{ signup = @{ payment_options = @(@{ type = `$row.'payment_options[0].type'; currencies = @(`$row.'payment_options[0].currencies') }); store_type = @(`$row.store_type) } } | ConvertTo-Json -Depth 5
    Invoke-RestMethod -Method Post "$base/accounts/`$merchant/management/settings/connections/common" -Headers @{ Authorization = "Bearer `$token" } -ContentType `$json -Body `$signup
}
if (@(`$created).Count -ne $Count) { exit 1 }
"@
    }

    function Measure-Fresh([string] $Script) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $output = Invoke-ChildPwsh -NoProfile -NonInteractive -Command $Script
        if ($LASTEXITCODE -ne 0) { throw "A run failed with exit code ${LASTEXITCODE}: $($output -join "`n")" }
        $watch.Elapsed.TotalSeconds
    }
    $median = { param($values) ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }

    'End to end as a partner: Common signups for the partner''s merchants, {0} ms on every request, fresh pwsh per run, median of {1}:' -f $LatencyMilliseconds, $Runs
    foreach ($count in $Merchants) {
        for ($i = 0; $i -lt $warmups; $i++) { $null = Measure-Fresh (Get-ModuleScript $count); $null = Measure-Fresh (Get-LoopScript $count) }
        $moduleTimes = @(); $loopTimes = @()
        for ($run = 0; $run -lt $Runs; $run++) {
            $moduleTimes += Measure-Fresh (Get-ModuleScript $count)
            $loopTimes += Measure-Fresh (Get-LoopScript $count)
        }
        $m = & $median $moduleTimes; $l = & $median $loopTimes
        $target = if ($count -eq 1) { 1.0 } else { 0.6 }
        '  {0,3} merchants: module (import, connect, pipeline) {1:0.00} s; Invoke-RestMethod loop (token, then exchange, token and POST each) {2:0.00} s; module / loop {3:0.00}x (target <= {4:0.0}x) {5}' -f $count, $m, $l, ($m / $l), $target, $(if ($Smoke) { '(smoke run: no figure to go by)' } elseif ($m / $l -le $target) { 'met' } else { 'NOT MET' })
    }
}
finally {
    Stop-DinteroEmulator $emulator
}
