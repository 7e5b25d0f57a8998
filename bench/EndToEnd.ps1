<#
.SYNOPSIS
End to end in PowerShell: 20 Common signups from a fresh pwsh process, the module against an Invoke-RestMethod loop.

.DESCRIPTION
Starts the emulator (built by `dotnet build`) with Dintero-like latency on each signup, then times, in alternating
runs, two fresh `pwsh -NoProfile` processes that each onboard the same 20 merchants: one imports the module, connects
and pipes the rows into New-DinteroCommonConnection; the other fetches a token with Invoke-RestMethod and posts the
signups in a loop, one after the other, as a script without the module would. Prints the median of each.

.EXAMPLE
pwsh ./bench/EndToEnd.ps1 -Runs 5 -LatencyMilliseconds 40
#>
[CmdletBinding()]
param(
    [int] $Runs = 5,
    [int] $Signups = 20,
    [int] $LatencyMilliseconds = 40,
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
$module = Join-Path $root 'out/Dintero.Connections/Dintero.Connections.psd1'
if (-not (Test-Path $module)) { throw "$module is missing: run dotnet build first." }
. (Join-Path $root 'tools/ChildPwsh.ps1')
. (Join-Path $root 'tools/Emulator.ps1')

$emulator = Start-DinteroEmulator -Configuration $Configuration
try {
    $base = $emulator.BaseUri
    $fault = @{ method = 'POST'; path = '/v1/accounts/*/management/settings/connections/common'; delayMilliseconds = $LatencyMilliseconds; times = -1 } | ConvertTo-Json
    $null = Invoke-RestMethod -Method Post "$($emulator.RootUri)/_emulator/faults" -ContentType 'application/json' -Body $fault

    $rows = "1..$Signups | ForEach-Object { [pscustomobject]@{ account_id = 'T00000001'; 'payment_options[0].type' = 'dintero.zero'; 'payment_options[0].currencies' = 'NOK'; store_type = 'online'; 'applicant.email' = `"m`$_@example.com`" } }"
    $withModule = @"
Import-Module '$module'
`$secret = ConvertTo-SecureString 'demo-secret-change-me' -AsPlainText -Force
Connect-Dintero -AccountId T00000001 -ClientId demo-client -ClientSecret `$secret -BaseUri '$base'
`$created = $rows | New-DinteroCommonConnection
if (@(`$created).Count -ne $Signups) { exit 1 }
"@
    $withLoop = @"
`$basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('demo-client:demo-secret-change-me'))
`$body = @{ grant_type = 'client_credentials'; audience = '$base/accounts/T00000001' } | ConvertTo-Json
`$token = (Invoke-RestMethod -Method Post '$base/accounts/T00000001/auth/token' -Headers @{ Authorization = "Basic `$basic" } -ContentType 'application/json' -Body `$body).access_token
`$created = foreach (`$row in $rows) {
    `$signup = @{ signup = @{ payment_options = @(@{ type = `$row.'payment_options[0].type'; currencies = @(`$row.'payment_options[0].currencies') }); store_type = @(`$row.store_type); applicant = @{ email = `$row.'applicant.email' } } } | ConvertTo-Json -Depth 5
    Invoke-RestMethod -Method Post '$base/accounts/T00000001/management/settings/connections/common' -Headers @{ Authorization = "Bearer `$token" } -ContentType 'application/json' -Body `$signup
}
if (@(`$created).Count -ne $Signups) { exit 1 }
"@
    function Measure-Fresh([string] $Script) {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        Invoke-ChildPwsh -NoProfile -NonInteractive -Command $Script
        if ($LASTEXITCODE -ne 0) { throw "A run failed with exit code $LASTEXITCODE." }
        $watch.Elapsed.TotalSeconds
    }
    $null = Measure-Fresh $withModule; $null = Measure-Fresh $withLoop # warm the disk cache
    $moduleTimes = @(); $loopTimes = @()
    for ($run = 0; $run -lt $Runs; $run++) {
        $moduleTimes += Measure-Fresh $withModule
        $loopTimes += Measure-Fresh $withLoop
    }
    $median = { param($values) ($values | Sort-Object)[[int][math]::Floor($values.Count / 2)] }
    $m = & $median $moduleTimes; $l = & $median $loopTimes
    'End to end, {0} signups with {1} ms of latency each, fresh pwsh per run, median of {2}:' -f $Signups, $LatencyMilliseconds, $Runs
    '  module (import, connect, pipeline):     {0:0.00} s' -f $m
    '  Invoke-RestMethod loop (token, {0} POSTs): {1:0.00} s' -f $Signups, $l
    '  module / loop: {0:0.00}x (target <= 1.00x) {1}' -f ($m / $l), $(if ($m -le $l) { 'met' } else { 'NOT MET' })
}
finally {
    Stop-DinteroEmulator $emulator
}
