#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The way out to Dintero as an operations network has it: a real forward proxy (tinyproxy, started by
# PesterSuiteTests on 127.0.0.1: one open, one asking for Basic credentials) that adds a Via header the emulator logs;
# and the runbook recipe of docs/guides/azure-automation.md, which keeps the client secret in Automation assets or
# Key Vault.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    $script:proxyCredential = [pscredential]::new($env:DINTERO_TEST_PROXY_USER, (ConvertTo-SecureString "$env:DINTERO_TEST_PROXY_PASSWORD" -AsPlainText -Force))

    # The requests the emulator received from the given index on, and how many so far.
    function script:Get-EmulatorRequestSince([int] $Index) { @(Get-EmulatorLog | Select-Object -Skip $Index) }

    function script:Get-EmulatorRequestCount { @(Get-EmulatorLog).Count }
}

Describe 'Through a real forward proxy' -Skip:(-not $env:DINTERO_TEST_PROXY) {
    # A context forgets its tokens when disconnected: the next test's Connect-Dintero fetches a token again, on its own route.
    AfterEach {
        Remove-Item env:HTTP_PROXY, env:NO_PROXY -ErrorAction SilentlyContinue
        if (Get-DinteroContext) { Disconnect-Dintero }
    }

    It 'sends every request of a connect-and-signup session through the proxy that asks for credentials, token included' {
        $start = Get-EmulatorRequestCount

        $context = Connect-Dintero @merchant -Proxy $env:DINTERO_TEST_AUTH_PROXY -ProxyCredential $proxyCredential -PassThru
        $created = New-DinteroCommonConnection -Signup (New-Signup)
        $read = Get-DinteroConnection -ConnectionType Common

        $created.status | Should -Be 'pending'
        $read.status | Should -Be 'pending'
        $context.Proxy | Should -Be "$($env:DINTERO_TEST_AUTH_PROXY) (given)"
        $session = Get-EmulatorRequestSince $start
        # The token, the settings read that finds no Common connection yet, the signup, the read.
        @($session).Count | Should -Be 4
        @($session | Where-Object { $_.path -like '*/auth/token' }).Count | Should -Be 1
        @($session | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/connections/common' }).Count | Should -Be 1
        $session | ForEach-Object { $_.via | Should -Match 'dintero-test-proxy' -Because "$($_.method) $($_.path) must come through the proxy" }
        Write-Host "Proxy session: $(@($session).Count) requests, $(@($session | Where-Object via).Count) through the proxy."
    }

    It 'takes a partner''s exchange and merchant tokens through the proxy too' {
        Connect-Dintero @partner -Proxy $env:DINTERO_TEST_PROXY
        $start = Get-EmulatorRequestCount

        $null = Get-DinteroAccountSetting -AccountId T00000222

        $session = Get-EmulatorRequestSince $start
        @($session).path | Should -Contain "/v1/accounts/$($env:DINTERO_TEST_PARTNER_ID)/auth/exchange_token"
        @($session).path | Should -Contain '/v1/accounts/T00000222/auth/token'
        $session | ForEach-Object { $_.via | Should -Match 'dintero-test-proxy' }
    }

    It 'honours $env:HTTP_PROXY set in the session, and $env:NO_PROXY around it' {
        $env:HTTP_PROXY = $env:DINTERO_TEST_PROXY
        $start = Get-EmulatorRequestCount
        $context = Connect-Dintero @merchant -PassThru
        $null = Get-DinteroAccountSetting

        $context.Proxy | Should -Match 'from the environment'
        Get-EmulatorRequestSince $start | ForEach-Object { $_.via | Should -Match 'dintero-test-proxy' }
        Disconnect-Dintero

        $env:NO_PROXY = '127.0.0.1'
        $start = Get-EmulatorRequestCount
        $null = Connect-Dintero @merchant -PassThru
        $null = Get-DinteroAccountSetting
        Get-EmulatorRequestSince $start | ForEach-Object { $_.via | Should -BeNullOrEmpty }
    }

    It 'reads a proxy''s 407 as the proxy asking for credentials, and sends nothing to Dintero' {
        $start = Get-EmulatorRequestCount

        $spare = $partner.Clone()
        $spare.ClientId = $env:DINTERO_TEST_SPARE_CLIENT_ID
        $spare.ClientSecret = ConvertTo-SecureString $env:DINTERO_TEST_SPARE_CLIENT_SECRET -AsPlainText -Force

        $thrown = $null
        try { Connect-Dintero @spare -Proxy $env:DINTERO_TEST_AUTH_PROXY } catch { $thrown = $_ }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'Dintero.Proxy.AuthenticationRequired*'
        $thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.Exception.Message | Should -Match "The proxy $([regex]::Escape($env:DINTERO_TEST_AUTH_PROXY)) asked for credentials"
        $thrown.ErrorDetails.RecommendedAction | Should -Match '-ProxyCredential'
        Get-EmulatorRequestCount | Should -Be $start
    }

    It 'reads a proxy that cannot be reached as that' {
        $thrown = $null
        try { Connect-Dintero @merchant -Proxy http://127.0.0.1:1/ -MaxRetries 0 } catch { $thrown = $_ }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'Dintero.Proxy.Unreachable*'
        $thrown.Exception.Message | Should -Match 'could not connect to the proxy http://127.0.0.1:1/'
    }

    It 'never writes the proxy''s password, at -Debug or in the context' {
        $text = (& {
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            Connect-Dintero @merchant -Proxy $env:DINTERO_TEST_AUTH_PROXY -ProxyCredential $proxyCredential -PassThru | Format-List * | Out-String
            Get-DinteroAccountSetting | Out-String
        } *>&1 | Out-String)

        $text | Should -Match 'request headers: .*X-Request-ID: [0-9a-f-]{36}'


        $text | Should -Match 'Proxy\s+: http://127.0.0.1'
        $text | Should -Not -Match ([regex]::Escape($env:DINTERO_TEST_PROXY_PASSWORD))
        $text | Should -Not -Match 'Proxy-Authorization: Basic [A-Za-z0-9+/]'
    }

    It 'refuses a proxy that is not http(s), before connecting' {
        { Connect-Dintero @merchant -Proxy socks5://127.0.0.1:1080 } | Should -Throw -ExpectedMessage '*accepted: http, https*'
    }
}

Describe 'The runbook recipe of the Azure Automation guide' {
    BeforeAll {
        $guide = Get-Content (Join-Path $repository 'docs/guides/azure-automation.md') -Raw
        $script:recipe = [regex]::Matches($guide, '(?s)```ps1\r?\n(.*?)```').Value | Where-Object { $_ -match 'Get-AutomationPSCredential' } | Select-Object -First 1
        $script:recipe = $recipe -replace '(?s)^```ps1\r?\n', '' -replace '```$', ''
        $script:sheet = "account_id,payment_options.type,payment_options.currencies,store_type,revenue.currency,revenue.accept_prepaid`nT00000301,dintero.zero,NOK,online,NOK,no"
        # Where a module could leave something on a worker: the test's drive, the temp folder, PowerShell's own folders.
        $script:places = @($TestDrive, (Join-Path $HOME '.local/share/powershell'), (Join-Path $HOME '.config/powershell'), (Join-Path $HOME '.cache/powershell'), [IO.Path]::GetTempPath()) | Where-Object { Test-Path $_ }
        function script:Get-WrittenSince([datetime] $Since) {
            foreach ($place in $places) {
                $recurse = $place -ne [IO.Path]::GetTempPath()
                Get-ChildItem -Path $place -File -Recurse:$recurse -Force -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTimeUtc -ge $Since -and $_.Length -lt 10MB }
            }
        }
    }

    BeforeEach {
        $env:DINTERO_BASE_URI = $env:DINTERO_TEST_BASE_URI
    }

    AfterEach {
        Remove-Item env:DINTERO_BASE_URI -ErrorAction SilentlyContinue
        Remove-Item function:Get-AutomationPSCredential, function:Get-AutomationVariable, function:Connect-AzAccount, function:Get-AzKeyVaultSecret -ErrorAction SilentlyContinue
    }

    It 'is in the guide, with the credential asset and the Key Vault way' {
        $recipe | Should -Match 'Get-AutomationPSCredential'
        $recipe | Should -Match 'Get-AzKeyVaultSecret'
    }

    It 'connects with the credential asset and signs up the sheet, writing no secret or token to any stream or file' {
        # The Automation cmdlets as the sandbox has them, over the suite's partner.
        function global:Get-AutomationPSCredential([string] $Name) { [pscredential]::new($env:DINTERO_TEST_PARTNER_CLIENT_ID, (ConvertTo-SecureString $env:DINTERO_TEST_PARTNER_CLIENT_SECRET -AsPlainText -Force)) }
        function global:Get-AutomationVariable([string] $Name) { if ($Name -eq 'DinteroAccountId') { $env:DINTERO_TEST_PARTNER_ID } else { $sheet } }
        Set-DinteroAccountSetting -AccountId T00000301 -OrganizationNumber 912345678 -Context (Connect-Dintero @partner -PassThru)
        $since = [datetime]::UtcNow.AddSeconds(-1)

        $out = & ([scriptblock]::Create($recipe)) *>&1 | Out-String

        $out | Should -Match 'T00000301\s+pending'
        $out | Should -Not -Match ([regex]::Escape($env:DINTERO_TEST_PARTNER_CLIENT_SECRET))
        $out | Should -Not -Match 'eyJ[A-Za-z0-9_-]+\.'
        foreach ($file in @(Get-WrittenSince $since)) {
            (Get-Content $file.FullName -Raw -ErrorAction SilentlyContinue) | Should -Not -Match ([regex]::Escape($env:DINTERO_TEST_PARTNER_CLIENT_SECRET)) -Because "$($file.FullName) was written during the run"
        }
    }

    It 'connects with the secret from Key Vault, as a SecureString' {
        $keyVault = ($recipe -split "`n" | Where-Object { $_ -match '^#\s+\$|^#\s+Connect-Dintero' } | ForEach-Object { $_ -replace '^#\s+', '' }) -join "`n"
        $keyVault | Should -Match 'Get-AzKeyVaultSecret'
        function global:Connect-AzAccount { param([switch] $Identity) if (-not $Identity) { throw 'the recipe uses the managed identity' } [pscustomobject]@{ Context = 'managed identity' } }
        function global:Get-AzKeyVaultSecret([string] $VaultName, [string] $Name) { [pscustomobject]@{ Name = $Name; SecretValue = (ConvertTo-SecureString $env:DINTERO_TEST_PARTNER_CLIENT_SECRET -AsPlainText -Force) } }
        $keyVault = $keyVault.Replace("'partner-client-id'", "'$($env:DINTERO_TEST_PARTNER_CLIENT_ID)'").Replace('T11200000', $env:DINTERO_TEST_PARTNER_ID)

        $out = & ([scriptblock]::Create($keyVault)) *>&1 | Out-String

        (Get-DinteroContext).AccountId | Should -Be $env:DINTERO_TEST_PARTNER_ID
        (Get-DinteroContext).Role | Should -Be 'Partner'
        $out | Should -Not -Match ([regex]::Escape($env:DINTERO_TEST_PARTNER_CLIENT_SECRET))
    }
}
