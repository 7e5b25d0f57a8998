<#
.SYNOPSIS
Finds a PowerShell to start as a child process, however PowerShell was installed. Dot-source it, then call
Invoke-ChildPwsh (or Get-ChildPwsh, for a ProcessStartInfo).

.DESCRIPTION
(Get-Process -Id $PID).Path is not always pwsh. When PowerShell runs as a .NET tool (dotnet tool install -g, or the
repository's own tool manifest, as CI runs it), the process is dotnet and pwsh.dll is what it runs: `dotnet -NoProfile`
is no PowerShell. This file is the one place that knows, for build.ps1 -Task Try, bench/EndToEnd.ps1 and the Pester
suites (the xunit runner, outside any pwsh, has its own finder: tests/Dintero.Connections.Tests/Pester/PowerShellHost.cs).

In order:
1. the host of this session, so the child is the very PowerShell the caller runs: a package install (pwsh, pwsh.exe,
   Windows PowerShell's powershell.exe) or a .NET tool (dotnet + $PSHOME/pwsh.dll);
2. pwsh on PATH;
3. the PowerShell pinned in the repository's tool manifest (.config/dotnet-tools.json), after `dotnet tool restore`.
#>

function Get-ChildPwsh {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()

    if ($script:ChildPwsh) { return $script:ChildPwsh }
    $found = $null
    $process = if ($PSVersionTable.PSEdition -eq 'Core') { [Environment]::ProcessPath } else { [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName }
    $name = [IO.Path]::GetFileNameWithoutExtension($process)
    $toolDll = Join-Path $PSHOME 'pwsh.dll'
    if ($name -in 'pwsh', 'powershell') {
        $found = [pscustomobject]@{ FilePath = $process; Prefix = @(); Source = 'the host of this session' }
    }
    elseif ($name -eq 'dotnet' -and (Test-Path $toolDll)) {
        $found = [pscustomobject]@{ FilePath = $process; Prefix = @($toolDll); Source = 'the host of this session (a .NET tool)' }
    }
    elseif ($onPath = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1) {
        $found = [pscustomobject]@{ FilePath = $onPath.Source; Prefix = @(); Source = 'PATH' }
    }
    else {
        # The session's host is some other application (an IDE, a hosting program): take the repository's pinned pwsh.
        $root = Split-Path $PSScriptRoot
        Push-Location $root
        try {
            & dotnet tool restore | Out-Null
            $toolHome = & dotnet tool run pwsh -NoProfile -NonInteractive -Command '$PSHOME'
            if ($LASTEXITCODE -ne 0) { throw "dotnet tool run pwsh failed in $root with exit code $LASTEXITCODE." }
        }
        finally { Pop-Location }
        $found = [pscustomobject]@{ FilePath = (Get-Command dotnet -CommandType Application).Source; Prefix = @(Join-Path $toolHome 'pwsh.dll'); Source = 'the tool manifest' }
    }
    $script:ChildPwsh = $found
    $found
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
    Runs a child PowerShell with these arguments; its output is the child's, and $LASTEXITCODE its exit code.
    .EXAMPLE
    Invoke-ChildPwsh -NoProfile -Command 'Import-Module ./out/Dintero.Connections; Get-Command -Module Dintero.Connections'
    #>
    $pwsh = Get-ChildPwsh
    & $pwsh.FilePath @($pwsh.Prefix + $args)
}
