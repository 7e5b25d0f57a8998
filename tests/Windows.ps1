#Requires -Version 5.1
<#
.SYNOPSIS
    What only a Windows machine can prove about the module: Windows PowerShell 5.1 and a real .NET Framework.

.DESCRIPTION
    CI runs on Linux: there, the engine's tests and the loader's .NET Framework branch run on Mono, which is an
    approximation of .NET Framework, not powershell.exe (docs/guides/hosts.md). This script checks the rest on Windows,
    with the .NET SDK 10 installed, from a clone of the repository:

      1. Builds the solution, which stages the module in out\Dintero.Connections.
      2. Imports the staged folder in powershell.exe (Windows PowerShell 5.1): the loader's AppDomain.AssemblyResolve
         branch, the TLS 1.2 it adds to [Net.ServicePointManager]::SecurityProtocol, the cmdlets and the format file in
         5.1's console host.
      3. Runs the engine's tests and the Framework tests on this machine's .NET Framework (net472, natively: real
         Schannel, real WebProxy).
      4. Runs every Pester suite (the README's and the guides' examples among them, tests\Readme.Tests.ps1) in
         powershell.exe against the emulator, with the DINTERO_TEST_* variables set exactly as the xunit host sets
         them for pwsh: the same test (tests\Dintero.Connections.Tests\Pester\PesterSuiteTests.cs), told by
         DINTERO_TEST_PWSH to use powershell.exe.

    It stops at the first step that fails and says which. Run it from any PowerShell on Windows:
        powershell.exe -NoProfile -ExecutionPolicy Bypass -File tests\Windows.ps1

.PARAMETER PowerShell
    The Windows PowerShell to check; default: powershell.exe on PATH.

.PARAMETER NoBuild
    Use what is built already.
#>
[CmdletBinding()]
param(
    [string] $PowerShell = (Get-Command powershell.exe -ErrorAction SilentlyContinue).Source,
    [switch] $NoBuild
)
$ErrorActionPreference = 'Stop'
$repository = Split-Path $PSScriptRoot
$manifest = Join-Path $repository 'out\Dintero.Connections\Dintero.Connections.psd1'
if (-not $PowerShell) { throw 'No powershell.exe here: this script checks Windows PowerShell 5.1, on Windows.' }

function Step([string] $name, [scriptblock] $action) {
    Write-Host "== $name" -ForegroundColor Cyan
    & $action
    if ($LASTEXITCODE) { throw "Failed: $name (exit $LASTEXITCODE)." }
}

if (-not $NoBuild) {
    Step 'Build (stages out\Dintero.Connections)' { dotnet build (Join-Path $repository 'Dintero.Connections.sln') --configuration Release }
}

Step 'Import the staged module in Windows PowerShell 5.1' {
    $check = @"
`$ErrorActionPreference = 'Stop'
`$before = [Net.ServicePointManager]::SecurityProtocol
Import-Module '$manifest'
'PowerShell {0} on {1}' -f `$PSVersionTable.PSVersion, [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
'TLS before the import: {0}; after: {1}' -f `$before, [Net.ServicePointManager]::SecurityProtocol
'Cmdlets: {0}' -f @(Get-Command -Module Dintero.Connections).Count
'Views of a Common connection: {0}' -f @(Get-FormatData -TypeName Dintero.Connections.Models.CommonConnection).Count
[Dintero.Connections.Models.CommonConnection]::new() | Format-Table | Out-String
"@
    & $PowerShell -NoProfile -NonInteractive -Command $check
}

Step 'Engine tests on .NET Framework (net472, natively)' {
    dotnet test (Join-Path $repository 'tests\Dintero.Connections.Engine.Tests') --configuration Release --no-build --framework net472
}

Step 'Loader and TLS tests on .NET Framework' {
    dotnet test (Join-Path $repository 'tests\Dintero.Connections.Framework.Tests') --configuration Release --no-build
}

Step 'Every Pester suite in Windows PowerShell 5.1 against the emulator' {
    $saved = $env:DINTERO_TEST_PWSH
    $env:DINTERO_TEST_PWSH = $PowerShell
    try {
        dotnet test (Join-Path $repository 'tests\Dintero.Connections.Tests') --configuration Release --no-build `
            --filter 'FullyQualifiedName~PesterSuiteTests' --logger 'console;verbosity=normal'
    }
    finally { $env:DINTERO_TEST_PWSH = $saved }
}

Write-Host 'Windows PowerShell 5.1 and .NET Framework: every check passed.' -ForegroundColor Green
