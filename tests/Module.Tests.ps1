#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What only a PowerShell host can show about the module itself: it imports, exports its cmdlets, ships its
# help and views, completes arguments. Run by `dotnet test` (PesterSuiteTests) with DINTERO_TEST_* set.

BeforeDiscovery {
    $script:cmdlets = @(
        'Connect-Dintero', 'Disconnect-Dintero', 'Get-DinteroAccountSetting', 'Get-DinteroConnection',
        'Get-DinteroContext', 'New-DinteroBamboraConnection', 'New-DinteroCommonConnection', 'Set-DinteroAccountSetting'
    )
}

BeforeAll {
    Import-Module $env:DINTERO_TEST_MODULE -Force
}

Describe 'The Dintero.Connections module' {
    It 'exports exactly its cmdlets' {
        (Get-Command -Module Dintero.Connections).Name | Sort-Object | Should -Be ($cmdlets | Sort-Object)
    }

    It 'gives <_> help with a synopsis and at least two examples' -ForEach $cmdlets {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '^\s*\S+ \[' # a real synopsis, not the generated syntax line
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'shows the examples of New-DinteroCommonConnection with Get-Help -Examples' {
        $text = Get-Help New-DinteroCommonConnection -Examples | Out-String
        $text | Should -Match 'Import-Csv'
        $text | Should -Match '@\{'
    }

    It 'ships the about topic' {
        Get-Help about_Dintero_Connections | Out-String | Should -Match 'SHORT DESCRIPTION'
    }

    It 'loads table and list views for connections' {
        $views = Get-FormatData -TypeName Dintero.Connections.Models.CommonConnection
        $views | Should -Not -BeNullOrEmpty
        $controls = @($views.FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name })
        $controls | Should -Contain 'TableControl'
        $controls | Should -Contain 'ListControl'
    }

    It 'ends an API cmdlet that runs before Connect-Dintero with an error that says to connect' {
        Disconnect-Dintero
        { Get-DinteroConnection -ErrorAction Stop } | Should -Throw -ErrorId 'Dintero.NotConnected,*'
        try { Get-DinteroConnection } catch { $_.Exception.Message | Should -Match 'Connect-Dintero' }
    }

    It 'completes -Type with the connection kinds' {
        $script = 'Get-DinteroConnection -Type Bam'
        $completion = TabExpansion2 -inputScript $script -cursorColumn $script.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'Bambora'
    }

    It 'refuses a malformed account id at Connect-Dintero before any request' {
        { Connect-Dintero -AccountId 'X123' -ClientId a -ClientSecret (ConvertTo-SecureString 'b' -AsPlainText -Force) } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}
