<#
.SYNOPSIS
Builds, tests and packages the Dintero.Connections module.

.DESCRIPTION
Build    publishes the module and stages it in out/Dintero.Connections/ (manifest, assemblies, format file, help).
Test     runs every test: xunit, and the Pester suites in tests/*.Tests.ps1 (run by `dotnet test` when pwsh and
         Pester 5 are present, reported as skipped otherwise).
Package  builds, then zips the staged folder as out/Dintero.Connections.zip: zip name = folder name = manifest
         name, importable by Azure Automation and, once expanded into a PSModulePath folder, by Import-Module.

.EXAMPLE
./build.ps1 -Task Build, Test, Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$stage = Join-Path $root 'out/Dintero.Connections'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-BuildTask {
    # Staging is part of the module project's build (its StageModule target), so `dotnet test` sees it too.
    Invoke-Dotnet publish (Join-Path $root 'src/Dintero.Connections/Dintero.Connections.csproj') --configuration $Configuration
    $manifest = Import-PowerShellDataFile (Join-Path $stage 'Dintero.Connections.psd1')
    $expected = @($manifest.RootModule) + $manifest.FormatsToProcess + 'en-US/Dintero.Connections.dll-Help.xml'
    foreach ($file in $expected) {
        if (-not (Test-Path (Join-Path $stage $file))) { throw "The staged module lacks $file." }
    }
    Write-Host "Staged $stage"
}

function Invoke-TestTask {
    Invoke-Dotnet test (Join-Path $root 'Dintero.Connections.sln') --configuration $Configuration
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $zip = Join-Path $root 'out/Dintero.Connections.zip'
    if (Test-Path $zip) { Remove-Item $zip }
    # The folder itself goes in the zip, so the archive holds Dintero.Connections/Dintero.Connections.psd1.
    Compress-Archive -Path $stage -DestinationPath $zip
    Write-Host "Packaged $zip"
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Package' { Invoke-PackageTask }
    }
}
