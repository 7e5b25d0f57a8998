<#
.SYNOPSIS
Starts the local Dintero emulator (tests/Dintero.Emulator, built by `dotnet build`) as a child process on a free port,
for build.ps1 -Task Try and bench/EndToEnd.ps1. Dot-source it.

.DESCRIPTION
The emulator is told this process's id (--exit-with), so it stops with the script that started it even when that
script is killed before its finally block runs; Stop-DinteroEmulator stops it at once.
#>

function Start-DinteroEmulator {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateSet('Debug', 'Release')]
        [string] $Configuration = 'Release',

        # More emulator options, e.g. '--enable-after', '5'.
        [string[]] $ArgumentList = @()
    )

    $dll = Join-Path (Split-Path $PSScriptRoot) "tests/Dintero.Emulator/bin/$Configuration/net10.0/Dintero.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built at $dll; run ./build.ps1 -Task Build (or dotnet build) first." }
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--port', '0', '--exit-with', $PID) + $ArgumentList) { $start.ArgumentList.Add([string] $argument) }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -match 'listening on (\S+)') {
            $base = $Matches[1].TrimEnd('/')
            $rootUri = $base -replace '/v1$', ''
            # The checkout API has a root of its own, as checkout.dintero.com/v1 is Dintero's (EmulatorOptions.CheckoutPath).
            return [pscustomobject]@{ Process = $process; BaseUri = $base; RootUri = $rootUri; CheckoutBaseUri = "$rootUri/checkout/v1" }
        }
    }
    if (-not $process.HasExited) { $process.Kill($true) }
    throw "The emulator did not start (exit code $(if ($process.HasExited) { $process.ExitCode } else { 'none' }))."
}

function Stop-DinteroEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Emulator)

    if (-not $Emulator.Process.HasExited) { $Emulator.Process.Kill($true) }
    $Emulator.Process.WaitForExit()
}
