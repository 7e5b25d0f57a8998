# What every Pester suite starts with, dot-sourced in its BeforeAll: the module imported, the emulator's addresses,
# the connection splats of the two paths (a merchant's own client for T00000001; the partner's client for its
# merchants T00000001 to T00000400, through the token exchange), and the emulator's admin calls. PesterSuiteTests
# sets the DINTERO_TEST_* variables and starts a fresh emulator for each suite.

Import-Module $env:DINTERO_TEST_MODULE -Force
# This file is tests/Support/Suite.ps1: the repository is two folders up.
$script:repository = Split-Path (Split-Path $PSScriptRoot)
. (Join-Path $repository 'tools/ChildPwsh.ps1')
$script:module = $env:DINTERO_TEST_MODULE
$script:emulator = $env:DINTERO_TEST_EMULATOR
$script:accountId = $env:DINTERO_TEST_ACCOUNT_ID
$script:partnerId = $env:DINTERO_TEST_PARTNER_ID
$script:secret = ConvertTo-SecureString $env:DINTERO_TEST_CLIENT_SECRET -AsPlainText -Force
$script:merchant = @{ AccountId = $accountId; ClientId = $env:DINTERO_TEST_CLIENT_ID; ClientSecret = $secret; BaseUri = $env:DINTERO_TEST_BASE_URI; CheckoutBaseUri = $env:DINTERO_TEST_CHECKOUT_BASE_URI }
$script:connect = $merchant
$script:partner = @{ AccountId = $partnerId; ClientId = $env:DINTERO_TEST_PARTNER_CLIENT_ID; ClientSecret = (ConvertTo-SecureString $env:DINTERO_TEST_PARTNER_CLIENT_SECRET -AsPlainText -Force); BaseUri = $env:DINTERO_TEST_BASE_URI; CheckoutBaseUri = $env:DINTERO_TEST_CHECKOUT_BASE_URI }

# The emulator's request log, by method and path (a -like pattern: '/v1/accounts/*/auth/clients'). Invoke-RestMethod
# writes a JSON array as one object: assigned first, it is enumerated item by item.
function script:Get-EmulatorRequest([string] $Method = '*', [string] $PathLike = '*') {
    $log = Invoke-RestMethod "$($emulator)_emulator/requests"
    @($log | Where-Object { $_.method -like $Method -and $_.path -like $PathLike })
}

# Every request the emulator received, in order.
function script:Get-EmulatorLog { $log = Invoke-RestMethod "$($emulator)_emulator/requests"; @($log) }

function script:Add-EmulatorFault([hashtable] $Fault) {
    $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json)
}

function script:Clear-EmulatorFault {
    $null = Invoke-RestMethod -Method Delete "$($emulator)_emulator/faults"
}

# Sets a connection's status as Dintero would once the merchant signs (or is declined).
function script:Set-EmulatorStatus([string] $Account, [string] $Kind, [string] $Status) {
    $null = Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/$Account/connections/$Kind/status" -ContentType 'application/json' -Body (@{ status = $Status } | ConvertTo-Json)
}

# Sets an approval case's status (a payment or seller approval, by its id) as Dintero's reviewers would: one of ACTIVE,
# DECLINED, UNDER_MANUAL_REVIEW, AUTOMATIC_REVIEW, WAITING_FOR_SIGNATURE, WAITING_FOR_DECLARATION, ERROR, ARCHIVED,
# WAITING_FOR_DETAILS, TERMINATED. Returns the case as it is now.
function script:Set-EmulatorApprovalStatus([string] $Account, [string] $Id, [string] $Status) {
    Invoke-RestMethod -Method Post "$($emulator)_emulator/accounts/$Account/approvals/$Id/status" -ContentType 'application/json' -Body (@{ status = $Status } | ConvertTo-Json)
}

# What -WhatIf and -Confirm print, which goes to the host, not to a stream.
function script:Get-HostText([scriptblock] $Command) {
    $transcript = Join-Path $TestDrive "host-$([guid]::NewGuid()).txt"
    $null = Start-Transcript -Path $transcript
    try { & $Command | Out-Null } finally { $null = Stop-Transcript }
    Get-Content $transcript -Raw
}

# The smallest Common signup Dintero takes.
function script:New-Signup {
    @{ payment_options = @(@{ type = 'dintero.zero'; currencies = @('NOK') }); store_type = 'online' }
}

# Everything a command writes to any stream, as the host would print it (errors in full, with every property).
function script:Get-AllStreams([scriptblock] $Command) {
    $ErrorActionPreference = 'Continue'
    (& $Command *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ | Format-List * -Force | Out-String -Width 400 } else { $_ | Out-String -Width 400 } }) -join "`n"
}

# The signups the emulator stored for an account: POSTs it answered 200.
function script:Get-StoredCount([string] $AccountId) {
    @(Get-EmulatorLog | Where-Object { $_.method -eq 'POST' -and $_.path -eq "/v1/accounts/$AccountId/management/settings/connections/common" -and $_.status -eq 200 }).Count
}

# One sheet row of the smallest Common signup for merchant T000000nn.
function script:New-Row([int] $Number, [string] $StoreType = 'online') {
    [pscustomobject]@{
        account_id                      = 'T{0:D8}' -f $Number
        'payment_options[0].type'       = 'dintero.zero'
        'payment_options[0].currencies' = 'NOK'
        store_type                      = $StoreType
        'revenue.currency'              = 'NOK'
    }
}

# The merchants need an organization number before a Common signup; each test uses accounts of its own.
function script:Initialize-Merchant([int[]] $Numbers) {
    $Numbers | ForEach-Object { [pscustomobject]@{ account_id = 'T{0:D8}' -f $_; organization_number = '912345678' } } | Set-DinteroAccountSetting -InformationAction Ignore
}

# Runs a script in a child `pwsh -NonInteractive`, as a runbook runs: the module imported, connected as the suite's
# partner. The script ends by writing one object; its JSON comes back, parsed. $Setup runs first, in the child too.
function script:Invoke-Runbook([string] $Script) {
    $path = Join-Path $TestDrive "runbook-$([guid]::NewGuid().ToString('N')).ps1"
    @"
Import-Module `$env:DINTERO_TEST_MODULE
`$secret = ConvertTo-SecureString `$env:DINTERO_TEST_PARTNER_CLIENT_SECRET -AsPlainText -Force
Connect-Dintero -AccountId `$env:DINTERO_TEST_PARTNER_ID -ClientId `$env:DINTERO_TEST_PARTNER_CLIENT_ID -ClientSecret `$secret -BaseUri `$env:DINTERO_TEST_BASE_URI -CheckoutBaseUri `$env:DINTERO_TEST_CHECKOUT_BASE_URI
`$result = & {
$Script
}
'RESULT:' + (`$result | ConvertTo-Json -Depth 6 -Compress)
"@ | Set-Content -Path $path
    $output = @(Invoke-ChildPwsh -NoProfile -NonInteractive -File $path 2>&1 | ForEach-Object { "$_" })
    $line = $output | Where-Object { $_ -like 'RESULT:*' } | Select-Object -Last 1
    if (-not $line) { throw "The runbook wrote no result (exit $LASTEXITCODE):`n$($output -join "`n")" }
    [pscustomobject]@{ Result = ($line.Substring(7) | ConvertFrom-Json); Output = $output -join "`n"; ExitCode = $LASTEXITCODE }
}

