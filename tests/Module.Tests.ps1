#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What only a PowerShell host can show about the module itself: it imports, exports its cmdlets, ships its
# help and views, completes arguments. Run by `dotnet test` (PesterSuiteTests) with DINTERO_TEST_* set.

BeforeDiscovery {
    # The cmdlets the manifest exports: the list the tests below hold the module to (and the assembly's cmdlet classes to it).
    $script:cmdlets = @((Import-PowerShellDataFile $env:DINTERO_TEST_MODULE).CmdletsToExport)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
}

Describe 'The Dintero.Connections module' {
    It 'exports exactly its cmdlets: the manifest''s list, which is every cmdlet class of its assembly' {
        $classes = (Get-Module Dintero.Connections).ImplementingAssembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
        $cmdlets.Count | Should -BeGreaterThan 0
        (Get-Command -Module Dintero.Connections).Name | Sort-Object | Should -Be ($cmdlets | Sort-Object)
        @($classes) | Sort-Object | Should -Be ($cmdlets | Sort-Object)
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

    It 'ships the README and every guide, as they are in the repository, where the about topic says they are' {
        # The module has no public address: a reader of Get-Help finds the guides in the module's own folder.
        $base = (Get-Module Dintero.Connections).ModuleBase
        $about = Get-Help about_Dintero_Connections | Out-String
        $guides = @(Get-ChildItem (Join-Path $repository 'docs/guides') -Filter *.md | ForEach-Object { "docs/guides/$($_.Name)" } | Sort-Object)
        @([regex]::Matches($about, 'docs/guides/[\w-]+\.md').Value | Sort-Object -Unique) | Should -Be $guides
        $about | Should -Match '\bREADME\.md\b'
        foreach ($document in @('README.md') + $guides) {
            Join-Path $base $document | Should -Exist
            Get-Content (Join-Path $base $document) -Raw | Should -BeExactly (Get-Content (Join-Path $repository $document) -Raw) -Because "$document ships as it is"
        }
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

    It 'completes -ConnectionType with the connection kinds' {
        $script = 'Get-DinteroConnection -ConnectionType Bam'
        $completion = TabExpansion2 -inputScript $script -cursorColumn $script.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'Bambora'
    }

    It 'refuses a malformed account id at Connect-Dintero before any request' {
        { Connect-Dintero -AccountId 'X123' -ClientId a -ClientSecret (ConvertTo-SecureString 'b' -AsPlainText -Force) } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }

    It 'gives scripts the types they name: the context Connect-Dintero writes, the models cmdlets take, the exceptions calls throw' {
        # A runbook keeps a context and passes it on, typed by name: it must be the type -PassThru writes and -Context takes.
        function Read-Setting([Dintero.Connections.Session.DinteroContext] $Context) { Get-DinteroAccountSetting -Context $Context }
        $merchantContext = Connect-Dintero @merchant -PassThru
        $merchantContext | Should -BeOfType ([Dintero.Connections.Session.DinteroContext])
        Connect-Dintero @partner
        try {
            # The session is the partner's now: the merchant's account comes back only through the context passed.
            (Read-Setting $merchantContext).account_id | Should -Be $accountId

            # A signup built from the model types binds as the cmdlet's input and is planned as any other (-WhatIf: nothing sent).
            $option = [Dintero.Connections.Models.PaymentOption] @{ type = 'dintero.zero'; currencies = [Collections.Generic.List[string]] @('NOK') }
            $signup = [Dintero.Connections.Models.CommonConnectionSignup] @{
                payment_options = [Collections.Generic.List[Dintero.Connections.Models.PaymentOption]] @($option)
                store_type      = [Collections.Generic.List[string]] @('online')
            }
            $signup | New-DinteroCommonConnection -Context $merchantContext -WhatIf -ReportVariable plan 6>$null
            @($plan.outcome) | Should -Be @('WouldCreate')
            $signup.store_type[0] = 'onlin'
            { $signup | New-DinteroCommonConnection -Context $merchantContext -WhatIf -ErrorAction Stop 6>$null } | Should -Throw -ErrorId 'Dintero.ValidationFailed,*'

            # What a failing call throws is the exception type a script catches by name.
            $caught = $null
            try { Get-DinteroConnection -Context $merchantContext -Type Vipps -ErrorAction Stop }
            catch [Dintero.Connections.Errors.DinteroApiException] { $caught = $_.Exception }
            $caught.StatusCode | Should -Be 404
        }
        finally { Disconnect-Dintero; Disconnect-Dintero $merchantContext }
    }

    It 'can be removed and imported again in the same session, and still works' {
        Remove-Module Dintero.Connections
        Get-Command -Module Dintero.Connections -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Import-Module $env:DINTERO_TEST_MODULE
        $secret = ConvertTo-SecureString $env:DINTERO_TEST_CLIENT_SECRET -AsPlainText -Force
        $context = Connect-Dintero -AccountId $env:DINTERO_TEST_ACCOUNT_ID -ClientId $env:DINTERO_TEST_CLIENT_ID -ClientSecret $secret -BaseUri $env:DINTERO_TEST_BASE_URI -PassThru
        (Get-DinteroAccountSetting -Context $context).account_id | Should -Be $env:DINTERO_TEST_ACCOUNT_ID
        Disconnect-Dintero
    }

    It 'starts a child pwsh that is this session''s own PowerShell, however it was installed' {
        # Under CI this session is the tool manifest's pwsh, whose process is dotnet: (Get-Process -Id $PID).Path
        # would start `dotnet -NoProfile`.
        $output = Invoke-ChildPwsh -NoProfile -NonInteractive -Command '$PSHOME; $PSVersionTable.PSVersion.ToString()'
        $LASTEXITCODE | Should -Be 0
        $output[0] | Should -Be $PSHOME
        $output[1] | Should -Be $PSVersionTable.PSVersion.ToString()
        $child = Get-ChildPwsh
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
            $child.Prefix | Should -Be (Join-Path $PSHOME 'pwsh.dll')
        }
    }

    It 'imports in a fresh pwsh from the release zip expanded into a PSModulePath folder' {
        $zip = Join-Path $TestDrive 'Dintero.Connections.zip'
        Compress-Archive -Path (Split-Path $env:DINTERO_TEST_MODULE) -DestinationPath $zip
        $modules = Join-Path $TestDrive 'Modules'
        Expand-Archive $zip -DestinationPath $modules
        $env:PSModulePath, $saved = $modules, $env:PSModulePath
        try {
            $output = Invoke-ChildPwsh -NoProfile -NonInteractive -Command 'Import-Module Dintero.Connections; (Get-Module Dintero.Connections).ModuleBase; (Get-Command -Module Dintero.Connections).Count'
        }
        finally { $env:PSModulePath = $saved }
        $LASTEXITCODE | Should -Be 0
        $output[0] | Should -Be (Join-Path $modules 'Dintero.Connections')
        $output[1] | Should -Be $cmdlets.Count
    }

    It 'has a manifest that says what is true: every connection kind in the release notes, the editions and platforms in the tags' {
        $manifest = Import-PowerShellDataFile $env:DINTERO_TEST_MODULE
        $script = 'Get-DinteroConnection -ConnectionType '
        $kinds = (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText
        # The kinds -Type completes are the kinds the module signs up: one New-Dintero<Kind>Connection each, no more.
        $signedUp = (Get-Command -Module Dintero.Connections -Verb New -Noun 'Dintero*Connection').Noun -replace '^Dintero(.+)Connection$', '$1'
        $kinds | Should -Contain 'Common'
        @($kinds | Sort-Object) | Should -Be @($signedUp | Sort-Object)
        foreach ($kind in $kinds) {
            $manifest.PrivateData.PSData.ReleaseNotes | Should -Match "\b$kind\b"
            $manifest.Description | Should -Match "\b$kind\b"
        }
        foreach ($tag in 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS') { $manifest.PrivateData.PSData.Tags | Should -Contain $tag }
        { Test-ModuleManifest $env:DINTERO_TEST_MODULE -ErrorAction Stop } | Should -Not -Throw
        # What PowerShellGet and Import-Module read from it: the version, and the cmdlets this session has.
        $tested = Test-ModuleManifest $env:DINTERO_TEST_MODULE -ErrorAction Stop
        $tested.Version | Should -Be ([version] $manifest.ModuleVersion)
        @($tested.ExportedCmdlets.Keys | Sort-Object) | Should -Be @((Get-Command -Module Dintero.Connections).Name | Sort-Object)
    }

    It 'leaves the process''s TLS protocols alone on .NET, where HttpClient ignores them, and says nothing of TLS' {
        $script = "[Net.ServicePointManager]::SecurityProtocol = 'Tls'
            Import-Module '$env:DINTERO_TEST_MODULE'
            [Net.ServicePointManager]::SecurityProtocol.ToString()
            `$secret = ConvertTo-SecureString `$env:DINTERO_TEST_CLIENT_SECRET -AsPlainText -Force
            Connect-Dintero -AccountId `$env:DINTERO_TEST_ACCOUNT_ID -ClientId `$env:DINTERO_TEST_CLIENT_ID -ClientSecret `$secret -BaseUri `$env:DINTERO_TEST_BASE_URI -Verbose 4>&1 | ForEach-Object { `"verbose: `$_`" }"
        $output = Invoke-ChildPwsh -NoProfile -NonInteractive -Command $script
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $output[0] | Should -Be 'Tls'
        $output | Where-Object { $_ -like 'verbose: Connected to*' } | Should -Not -BeNullOrEmpty
        $output | Where-Object { $_ -like 'verbose: *' -and $_ -match 'TLS|SecurityProtocol' } | Should -BeNullOrEmpty
    }

    It 'makes a release zip that Azure Automation imports as it documents a module zip' {
        # learn.microsoft.com: New-AzAutomationModule ("the name of the .zip file, the name of the folder, and the name
        # of the file in the folder must be the same"), azure/automation/shared-resources/modules (a file's path in a
        # module at most 140 characters), azure/automation/automation-subscription-limits-faq (a module at most 100 MB).
        $out = Join-Path $TestDrive 'automation'
        & (Join-Path $repository 'build.ps1') -Task Package -NoBuild -OutputPath $out 6>$null
        $zip = Get-Item (Join-Path $out 'Dintero.Connections.zip')
        $zip.Length | Should -BeLessThan 100MB
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip.FullName)
        try { $entries = @($archive.Entries | ForEach-Object FullName) } finally { $archive.Dispose() }

        $entries | ForEach-Object { ($_ -split '/')[0] } | Sort-Object -Unique | Should -Be 'Dintero.Connections'
        $entries | Should -Contain 'Dintero.Connections/Dintero.Connections.psd1'
        $entries | Where-Object { $_.Contains('\') } | Should -BeNullOrEmpty
        $entries | Where-Object { $_.Length -gt 140 } | Should -BeNullOrEmpty

        $manifest = Import-PowerShellDataFile (Join-Path $repository 'Dintero.Connections.psd1')
        $files = @($manifest.RootModule) + @($manifest.RequiredAssemblies) + @($manifest.NestedModules) + @($manifest.FormatsToProcess) | Where-Object { $_ }
        $files | Should -Contain 'Dintero.Connections.dll'
        $files | Should -Contain 'Dintero.Connections.format.ps1xml'
        foreach ($file in $files) { $entries | Should -Contain "Dintero.Connections/$($file -replace '\\', '/')" }
    }

    It 'is published to a private gallery, installed from it with PSResourceGet, and works in a fresh pwsh' {
        $out = Join-Path $TestDrive 'package'
        & (Join-Path $repository 'build.ps1') -Task Package -NoBuild -OutputPath $out 6>$null
        $nupkg = @(Get-ChildItem $out -Filter 'Dintero.Connections.*.nupkg')
        $nupkg.Count | Should -Be 1
        $gallery = New-Item -ItemType Directory (Join-Path $TestDrive 'gallery')
        $userHome = New-Item -ItemType Directory (Join-Path $TestDrive 'home')
        # A user of their own: PSResourceGet's list of repositories and the CurrentUser module folder live under HOME,
        # so neither this machine's nor the tester's are touched, and the module can only come from the gallery. As
        # on a real machine, ~/.config exists: without it .NET reports no ApplicationData folder, and NuGet (inside
        # Publish-PSResource) writes NuGet/NuGet.Config into the working directory instead.
        $null = New-Item -ItemType Directory (Join-Path $userHome '.config'), (Join-Path $userHome '.local/share')
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; XDG_CACHE_HOME = $env:XDG_CACHE_HOME; PSModulePath = $env:PSModulePath }
        $env:HOME = $userHome.FullName
        foreach ($name in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PSModulePath') { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
        try {
            $publish = "`$ErrorActionPreference = 'Stop'
                Register-PSResourceRepository -Name local -Uri '$($gallery.FullName)' -Trusted
                Publish-PSResource -NupkgPath '$($nupkg[0].FullName)' -Repository local
                (Find-PSResource -Name Dintero.Connections -Repository local).Version.ToString()
                Install-PSResource -Name Dintero.Connections -Repository local -Scope CurrentUser
                (Get-InstalledPSResource -Name Dintero.Connections).InstalledLocation"
            $published = Invoke-ChildPwsh -NoProfile -NonInteractive -Command $publish
            $LASTEXITCODE | Should -Be 0 -Because ($published -join "`n")
            $published[0] | Should -Be (Import-PowerShellDataFile $env:DINTERO_TEST_MODULE).ModuleVersion
            $published[1] | Should -BeLike "$($userHome.FullName)*"

            $use = "`$ErrorActionPreference = 'Stop'
                Import-Module Dintero.Connections
                (Get-Module Dintero.Connections).ModuleBase
                `$secret = ConvertTo-SecureString `$env:DINTERO_TEST_CLIENT_SECRET -AsPlainText -Force
                Connect-Dintero -AccountId `$env:DINTERO_TEST_ACCOUNT_ID -ClientId `$env:DINTERO_TEST_CLIENT_ID -ClientSecret `$secret -BaseUri `$env:DINTERO_TEST_BASE_URI
                `$created = New-DinteroCommonConnection -Signup @{ payment_options = @{ type = 'dintero.zero'; currencies = 'NOK' }; store_type = 'online' }
                `$created.GetType().FullName
                `$created.status"
            $used = Invoke-ChildPwsh -NoProfile -NonInteractive -Command $use
            $LASTEXITCODE | Should -Be 0 -Because ($used -join "`n")
            $used[0] | Should -BeLike "$($userHome.FullName)*Dintero.Connections*"
            # Where the about topic says the README and the guides are, in the module as installed.
            Join-Path $used[0] 'README.md' | Should -Exist
            (Get-ChildItem (Join-Path $used[0] 'docs/guides') -Filter *.md).Name | Sort-Object | Should -Be ((Get-ChildItem (Join-Path $repository 'docs/guides') -Filter *.md).Name | Sort-Object)
            $used[1] | Should -Be 'Dintero.Connections.Models.CommonConnection'
            $used[2] | Should -Be 'pending'
        }
        finally {
            foreach ($name in $saved.Keys) {
                if ($null -eq $saved[$name]) { Remove-Item "env:$name" -ErrorAction SilentlyContinue } else { Set-Item "env:$name" $saved[$name] }
            }
        }
    }

    It 'refuses a wait longer than seven days or a pause shorter than 100 ms, as durations not as text' {
        { Wait-DinteroConnection -AccountId T00000001 -Timeout 30.00:00:00 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Wait-DinteroConnection -AccountId T00000001 -PollInterval 00:00:00.050 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        try { Wait-DinteroConnection -AccountId T00000001 -Timeout 30.00:00:00 } catch { $_.Exception.Message | Should -Match 'from 00:00:01 to 7\.00:00:00' }
    }
}
