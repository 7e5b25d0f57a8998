<#
.SYNOPSIS
Builds, tests, packages and tries out the Dintero.Connections module.

.DESCRIPTION
Build    builds the solution; the module project stages the importable module in out/Dintero.Connections/
         (manifest, assemblies, format file, help).
Test     runs every test: xunit, and the Pester suites in tests/*.Tests.ps1 in a real pwsh (`dotnet test` finds one:
         yours on PATH, else the one pinned in .config/dotnet-tools.json; Pester comes as a NuGet download).
Package  builds, then makes what users install, in out/ (or -OutputPath):
         - Dintero.Connections.zip, the staged folder zipped: zip name = folder name = manifest name, importable by
           Azure Automation and, once expanded into a PSModulePath folder, by Import-Module;
         - Dintero.Connections.<version>.nupkg, the package Publish-PSResource puts in a gallery (made by
           Compress-PSResource, which checks the manifest as publishing does), for a private gallery or feed.
Try      builds, starts the local Dintero emulator on a free port, runs a short tour (the merchants of
         docs/examples/merchants.csv invited, accepted and onboarded as the emulator's demo partner, two of them taken
         live, and the readiness report shown in tables), then opens pwsh with the module imported and
         connected to the emulator (unless -NoShell, or when there is no one at the keyboard). The emulator is
         stopped when the tour or the shell ends, and never outlives this script.

With only the .NET SDK on the machine: `dotnet tool restore && dotnet pwsh ./build.ps1 -Task Try`.

.EXAMPLE
./build.ps1 -Task Build, Test, Package

.EXAMPLE
./build.ps1 -Task Try
#>
[CmdletBinding()]
param(
    # Build, Test, Package or Try; several in one go, also as one comma-separated word (pwsh -File passes no arrays).
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Try: run the tour only, without opening a shell afterwards.
    [switch] $NoShell,

    # Try and Package: use what is built already.
    [switch] $NoBuild,

    # Package: where the zip and the .nupkg go; default out/.
    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
. (Join-Path $root 'tools/ChildPwsh.ps1')
. (Join-Path $root 'tools/Emulator.ps1')
$stage = Join-Path $root 'out/Dintero.Connections'
if (-not $OutputPath) { $OutputPath = Join-Path $root 'out' }
$tasks = @($Task | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
$built = $false
$unknown = @($tasks | Where-Object { $_ -notin 'Build', 'Test', 'Package', 'Try' })
if ($unknown) { throw "Unknown task '$($unknown -join "', '")'; the tasks are Build, Test, Package and Try." }

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-BuildTask {
    if ($script:built) { return }
    # Staging is part of the module project's build (its StageModule target), so `dotnet test` sees it too.
    Invoke-Dotnet build (Join-Path $root 'Dintero.Connections.sln') --configuration $Configuration --nologo
    $manifest = Import-PowerShellDataFile (Join-Path $stage 'Dintero.Connections.psd1')
    $expected = @($manifest.RootModule) + $manifest.FormatsToProcess + 'en-US/Dintero.Connections.dll-Help.xml' + 'Dependencies/Dintero.Connections.Engine.dll'
    foreach ($file in $expected) {
        if (-not (Test-Path (Join-Path $stage $file))) { throw "The staged module lacks $file." }
    }
    Write-Host "Staged $stage"
    $script:built = $true
}

function Invoke-TestTask {
    Invoke-Dotnet test (Join-Path $root 'Dintero.Connections.sln') --configuration $Configuration
}

function Invoke-PackageTask {
    $null = New-Item -ItemType Directory -Force $OutputPath
    $zip = Join-Path $OutputPath 'Dintero.Connections.zip'
    if (Test-Path $zip) { Remove-Item $zip }
    # The folder itself goes in the zip, so the archive holds Dintero.Connections/Dintero.Connections.psd1.
    Compress-Archive -Path $stage -DestinationPath $zip
    Write-Host "Packaged $zip"

    $version = (Import-PowerShellDataFile (Join-Path $stage 'Dintero.Connections.psd1')).ModuleVersion
    $nupkg = Join-Path $OutputPath "Dintero.Connections.$version.nupkg"
    if (Test-Path $nupkg) { Remove-Item $nupkg }
    # PSResourceGet ships with pwsh 7.4+; Windows PowerShell 5.1 has it only when installed.
    if (-not (Get-Command Compress-PSResource -ErrorAction SilentlyContinue)) { throw 'Compress-PSResource (Microsoft.PowerShell.PSResourceGet 1.1+) is needed for the .nupkg; run the Package task in pwsh 7.4 or later.' }
    Compress-PSResource -Path $stage -DestinationPath $OutputPath
    if (-not (Test-Path $nupkg)) { throw "Compress-PSResource made no $nupkg." }
    Write-Host "Packaged $nupkg"
}

function Invoke-TryTask {
    $emulator = Start-DinteroEmulator -Configuration $Configuration
    try {
        # The emulator's demo partner: a local test double, so its secret is no secret.
        $env:DINTERO_ACCOUNT_ID = 'T11200000'
        $env:DINTERO_CLIENT_ID = 'demo-partner'
        $env:DINTERO_CLIENT_SECRET = 'demo-partner-secret-change-me'
        $env:DINTERO_BASE_URI = $emulator.BaseUri
        $env:DINTERO_CHECKOUT_BASE_URI = $emulator.CheckoutBaseUri
        $module = Join-Path $stage 'Dintero.Connections.psd1'
        $sheet = Join-Path $root 'docs/examples/merchants.csv'
        Write-Host "Dintero emulator at $($emulator.BaseUri); the tour onboards $sheet as partner T11200000."
        # A partner's day: invite from the sheet, the merchants accept, their accounts are matched to the sheet's
        # rows by signup_reference, then organization numbers, Common signups and the result; two merchants sign, and
        # go live (an API client each, the payment types on), and the readiness report ends the tour.
        $tour = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$module'
Connect-Dintero
Write-Host 'Import-Csv merchants.csv | New-DinteroMerchantInvite | Format-Table          # Dintero e-mails each applicant'
Import-Csv '$sheet' | New-DinteroMerchantInvite -WarningAction SilentlyContinue | Format-Table | Out-Host
Write-Host '(the applicants accept the terms; the emulator does it for them)'
`$null = Invoke-RestMethod -Method Post '$($emulator.RootUri)/_emulator/partners/T11200000/invitations/accept'
Write-Host 'Get-DinteroAccount | Format-Table                                             # the merchants that accepted'
`$accounts = @{}
Get-DinteroAccount | Where-Object signup_reference | ForEach-Object { `$accounts[`$_.signup_reference] = `$_ } | Out-Null
`$accounts.Values | Sort-Object account_id | Format-Table | Out-Host
`$rows = Import-Csv '$sheet' | Select-Object @{ n = 'account_id'; e = { `$accounts[`$_.'applicant.signup_reference'].account_id } }, * -ExcludeProperty 'applicant.signup_reference'
Write-Host '`$rows | Set-DinteroAccountSetting                                          # each company gets its organization number'
`$rows | Set-DinteroAccountSetting
Write-Host '`$rows | New-DinteroCommonConnection | Format-Table'
`$rows | New-DinteroCommonConnection -WarningAction SilentlyContinue | Format-Table | Out-Host
Write-Host "Get-DinteroConnection -AccountId `$(`$rows[1].account_id) | Format-List"
Get-DinteroConnection -AccountId `$rows[1].account_id | Format-List | Out-Host
Write-Host '(two merchants sign their Common agreements; the emulator does it for them)'
`$rows | Select-Object -First 2 | ForEach-Object { `$null = Invoke-RestMethod -Method Post "$($emulator.RootUri)/_emulator/accounts/`$(`$_.account_id)/connections/common/status" -ContentType 'application/json' -Body '{"status":"enabled"}' }
Write-Host '`$shops = Get-DinteroAccount -ConnectionStatus enabled | New-DinteroApiClient -Name "Web shop"   # the secret: `$shops.Credential'
`$shops = Get-DinteroAccount -ConnectionStatus enabled | New-DinteroApiClient -Name 'Web shop'
`$shops | Format-Table | Out-Host
Write-Host 'Get-DinteroMerchantReadiness | Format-Table                                   # who takes payments, and what is missing'
Get-DinteroMerchantReadiness | Format-Table -Wrap | Out-Host
Write-Host 'Set-DinteroPaymentProfile -AccountId ... -Enable ...                          # what each profile has off, switched on'
Get-DinteroMerchantReadiness | Where-Object profile_off | ForEach-Object { Set-DinteroPaymentProfile -AccountId `$_.account_id -Enable (`$_.profile_off -split ', ') }
Get-DinteroMerchantReadiness | Format-Table -Wrap | Out-Host
"@
        Invoke-ChildPwsh -NoProfile -NoLogo -Command $tour
        if ($LASTEXITCODE -ne 0) { throw "The tour failed with exit code $LASTEXITCODE." }
        $interactive = -not $NoShell -and [Environment]::UserInteractive -and -not [Console]::IsInputRedirected
        if ($interactive) {
            Write-Host "Your turn: the module is imported and connected. Type 'exit' to stop the emulator."
            Invoke-ChildPwsh -NoProfile -NoLogo -NoExit -Command "Import-Module '$module'; Connect-Dintero; Get-DinteroContext"
        }
    }
    finally {
        Remove-Item env:DINTERO_ACCOUNT_ID, env:DINTERO_CLIENT_ID, env:DINTERO_CLIENT_SECRET, env:DINTERO_BASE_URI, env:DINTERO_CHECKOUT_BASE_URI -ErrorAction SilentlyContinue
        Stop-DinteroEmulator $emulator
        Write-Host 'The emulator is stopped.'
    }
}

foreach ($name in $tasks) {
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Package' { if (-not $NoBuild) { Invoke-BuildTask }; Invoke-PackageTask }
        'Try' { if (-not $NoBuild) { Invoke-BuildTask }; Invoke-TryTask }
    }
}
