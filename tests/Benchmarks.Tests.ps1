#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Every bench in bench/ still runs: each in its smoke mode (a few rows, no latency to speak of, once), so that a bench
# that no longer runs fails CI. No figure is asserted: figures are what the benches print when run in earnest
# (docs/guides/benchmarks.md). bench/Soak.ps1 runs with 100 merchants in tests/Reruns.Tests.ps1, where its figures are asserted.
# Run by `dotnet test` (PesterSuiteTests).

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    $script:benchmarks = @('Release', 'Debug') | ForEach-Object { Join-Path $repository "bench/Dintero.Connections.Benchmarks/bin/$_/net10.0/Dintero.Connections.Benchmarks.dll" } | Where-Object { Test-Path $_ } | Select-Object -First 1
    $script:configuration = if ($benchmarks -match '[\\/]Debug[\\/]') { 'Debug' } else { 'Release' }
}

Describe 'The benches' {
    It 'runs every C# bench in smoke mode, each printing its figures' {
        $benchmarks | Should -Not -BeNullOrEmpty -Because 'the solution builds bench/Dintero.Connections.Benchmarks before the tests run'
        $output = & dotnet $benchmarks all --smoke 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $text = $output -join "`n"
        foreach ($section in 'Create a Common connection', 'Read a Common connection', 'Token requests', 'Binding and validating', 'Common signups', 'Partner T11200000', 'Safe re-runs', 'Go live') {
            $text | Should -Match ([regex]::Escape($section)) -Because "the bench of '$section' ran"
        }
    }

    It 'runs bench/PerRow.ps1 in smoke mode: the cmdlet layer per row, and the import' {
        $output = Invoke-ChildPwsh -NoProfile -NonInteractive -File (Join-Path $repository 'bench/PerRow.ps1') -Smoke -Configuration $configuration
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $text = $output -join "`n"
        $text | Should -Match 'New-DinteroCommonConnection\s+[\d,]+ ms \(floor'
        $text | Should -Match 'Get-DinteroConnection\s+[\d,]+ ms \(floor'
        $text | Should -Match 'Import-Module: -?[\d,]+ ms over a bare pwsh'
    }

    It 'runs bench/Scale.ps1 in smoke mode: each command over slices of merchants new to the session, with its CPU and memory' {
        $output = Invoke-ChildPwsh -NoProfile -NonInteractive -File (Join-Path $repository 'bench/Scale.ps1') -Smoke -Configuration $configuration
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $text = $output -join "`n"
        $text | Should -Match 'Settings\s+40 merchants .* module CPU\s+[\d.]+ ms a merchant, emulator\s+[\d.]+ ms; heap'
        $text | Should -Match 'Readiness\s+40 merchants'
    }

    It 'runs bench/EndToEnd.ps1 in smoke mode: the module and the loop each sign up a partner''s merchants' {
        $output = Invoke-ChildPwsh -NoProfile -NonInteractive -File (Join-Path $repository 'bench/EndToEnd.ps1') -Smoke -Configuration $configuration
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        ($output -join "`n") | Should -Match '2 merchants: module \(import, connect, pipeline\) \d+\.\d\d s; Invoke-RestMethod loop'
    }
}
