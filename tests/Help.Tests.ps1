#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Runs every example of every help page (docs/*-*.md: each ### under ## EXAMPLES, its ```powershell block) as printed
# against the emulator, as tests/Readme.Tests.ps1 runs the README's: what Get-Help shows a user is what is tested. An
# example passes when it writes no ErrorRecord and no client secret of the emulator.
#
# The examples assume what a user of the module has: a connection (the emulator's demo partner T11200000, from the
# DINTERO_* environment variables as the README says), sheets and files in the working folder, a SecretManagement
# vault, a credential prompt, an Azure Automation account, a proxy. BeforeAll makes them once: the files in TestDrive,
# stubs for the commands of other modules and for the prompts (this host runs -NonInteractive), and the merchants'
# state the examples read (organization numbers, API clients, webhook subscriptions). Each example then starts as the
# last left nothing behind: connected as the partner, in TestDrive, with the DINTERO_* variables as set here.
# The emulator's standalone URLs (http://127.0.0.1:5080/...) and the proxy of Connect-Dintero's example
# (http://proxy.corp.example:3128) are replaced by the ones PesterSuiteTests started for this suite.

BeforeDiscovery {
    # The pages as MarkdownHelpReader reads them: the examples are the ### sections of ## EXAMPLES, each one's code its
    # first fenced block.
    $docs = Join-Path (Split-Path $PSScriptRoot) 'docs'
    # The pages in the order a partner works: each page's examples read what the earlier ones made (the merchants'
    # connections, their API clients, the subscriptions), as a reader who tries the pages in this order would have it.
    # Connections turn enabled 3 s after the signup (PesterSuiteTests starts the emulator so), and the signups that are
    # followed with Wait-DinteroConnection take about as long, so Vipps comes before them: enabled by the time its Wait
    # example reads it. A page not listed runs after these, in name order.
    $order = @(
        'Connect-Dintero', 'Get-DinteroContext', 'New-DinteroMerchantInvite', 'Get-DinteroOnboardingLink',
        'Get-DinteroSignupTemplate', 'Set-DinteroAccountSetting', 'Get-DinteroAccountSetting', 'New-DinteroCommonConnection', 'New-DinteroVippsConnection',
        'New-DinteroCommonSignupLink', 'New-DinteroBamboraConnection', 'New-DinteroCollectorConnection', 'New-DinteroInstabankConnection',
        'New-DinteroPayExConnection', 'New-DinteroSwishConnection', 'Wait-DinteroConnection', 'Get-DinteroAccount', 'Get-DinteroConnection',
        'New-DinteroApiClient', 'Get-DinteroApiClient', 'Reset-DinteroApiClientSecret', 'Remove-DinteroApiClient',
        'Set-DinteroPaymentProfile', 'Get-DinteroPaymentProfile', 'Get-DinteroMerchantReadiness',
        'New-DinteroWebhook', 'Get-DinteroWebhook', 'Send-DinteroWebhookPing', 'Get-DinteroWebhookDelivery', 'Test-DinteroWebhookSignature',
        'Remove-DinteroWebhook', 'New-DinteroPaymentApproval', 'Get-DinteroPaymentApproval', 'Wait-DinteroPaymentApproval',
        'New-DinteroPayoutDestination', 'Get-DinteroPayoutDestination', 'Wait-DinteroPayoutDestination', 'Invoke-DinteroRequest', 'Disconnect-Dintero'
    )
    # Examples that a cmdlet's bug keeps from doing what the page says, each skipped with the bug named until it is fixed.
    $bugs = @{}
    $rank = { $at = [array]::IndexOf($order, $_.BaseName); if ($at -lt 0) { $order.Count } else { $at } }
    $script:examples = foreach ($page in Get-ChildItem $docs -Filter '*-*.md' | Sort-Object $rank, Name) {
        $text = (Get-Content $page.FullName -Raw) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?ms)^## EXAMPLES\n(.*?)^## PARAMETERS').Groups[1].Value
        foreach ($example in [regex]::Matches($section, '(?ms)^### (?<title>[^\n]+)\n(?<body>.*?)(?=^### |\z)')) {
            $fence = [regex]::Match($example.Groups['body'].Value, '(?ms)^```(?<language>[a-zA-Z0-9]*)[ \t]*\n(?<code>.*?)^```')
            $code = $fence.Groups['code'].Value
            # What this host cannot give an example, the test says so instead of running it: ForEach-Object -Parallel
            # is PowerShell 7's (tests/Windows.ps1 runs the suites in Windows PowerShell 5.1 too), and the proxy is
            # started only where tinyproxy is (PesterSuiteTests; CI has it).
            $skip = if ($code -match 'ForEach-Object -Parallel' -and $PSVersionTable.PSVersion.Major -lt 7) { 'it needs PowerShell 7' }
                elseif ($code -match 'proxy\.corp\.example' -and -not $env:DINTERO_TEST_AUTH_PROXY) { 'no proxy was started (tinyproxy is not installed)' }
                else { $bugs["$($page.BaseName): $($example.Groups['title'].Value.Trim())"] }
            @{
                Page = $page.BaseName
                Skip = [bool] $skip
                Why = "$skip"
                Title = $example.Groups['title'].Value.Trim()
                Language = $fence.Groups['language'].Value
                Code = $code
            }
        }
    }
    # Test-DinteroWebhookSignature's receiver, an Azure Function's run.ps1: run again below with the deliveries it must refuse.
    $script:receivers = @($examples | Where-Object { $_.Page -eq 'Test-DinteroWebhookSignature' -and $_.Code -match '^\s*param\(\$Request' })
}

BeforeAll {
    # The emulator's demo partner, as the README says.
    $env:DINTERO_ACCOUNT_ID = 'T11200000'
    $env:DINTERO_CLIENT_ID = 'demo-partner'
    $env:DINTERO_CLIENT_SECRET = 'demo-partner-secret-change-me'
    $env:DINTERO_BASE_URI = $env:DINTERO_TEST_BASE_URI
    $env:DINTERO_CHECKOUT_BASE_URI = $env:DINTERO_TEST_CHECKOUT_BASE_URI
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    # A user's module is on PSModulePath, so that a runspace of ForEach-Object -Parallel loads it by name; the staged one
    # is made so.
    $env:PSModulePath = (Split-Path (Split-Path $module)) + [IO.Path]::PathSeparator + $env:PSModulePath
    Push-Location $TestDrive

    # What the examples must never print: every client secret the emulator knows, and the proxy's password.
    $script:secrets = @('demo-secret-change-me', 'demo-partner-secret-change-me', $env:DINTERO_TEST_CLIENT_SECRET, $env:DINTERO_TEST_PARTNER_CLIENT_SECRET,
        $env:DINTERO_TEST_SPARE_CLIENT_SECRET, $env:DINTERO_TEST_PROXY_PASSWORD) | Where-Object { $_ }
    $script:hookSecret = 'a-long-random-hook-secret'

    function script:Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

    # The prompts and the other modules' commands the examples call, as a user's machine would answer them. A credential
    # prompt answers with the emulator's client of that user name (the client id), or the proxy's account for a domain
    # user; Read-Host with what the prompt asks for.
    $script:credentials = @{
        'demo-partner' = [pscredential]::new('demo-partner', (Secure 'demo-partner-secret-change-me'))
        'demo-client' = [pscredential]::new('demo-client', (Secure 'demo-secret-change-me'))
    }
    if ($env:DINTERO_TEST_PROXY_USER) { $credentials['CORP\ops-runner'] = [pscredential]::new($env:DINTERO_TEST_PROXY_USER, (Secure $env:DINTERO_TEST_PROXY_PASSWORD)) }
    function script:Get-Credential([string] $UserName, [string] $Message, [string] $Title) {
        if (-not $credentials.ContainsKey($UserName)) { throw "The Get-Credential stub knows no user '$UserName'." }
        $credentials[$UserName]
    }
    function script:Read-Host([string] $Prompt, [switch] $AsSecureString) {
        $answer = switch -Wildcard ($Prompt) { 'Client secret' { 'demo-secret-change-me' } 'Webhook secret' { $hookSecret } default { throw "The Read-Host stub has no answer to '$Prompt'." } }
        if ($AsSecureString) { Secure $answer } else { $answer }
    }

    # SecretManagement: a vault in memory, holding the partner's client secret and the hooks' secret. (Not $vault: a
    # function's -Vault parameter is the same variable.)
    $script:secretStore = @{ 'dintero-partner' = Secure 'demo-partner-secret-change-me'; 'dintero-hooks' = Secure $hookSecret }
    function script:Get-Secret([Parameter(Position = 0)][string] $Name, [string] $Vault, [switch] $AsPlainText) {
        if (-not $secretStore.ContainsKey($Name)) { throw "The vault has no secret '$Name'." }
        $value = $secretStore[$Name]
        if ($AsPlainText -and $value -is [securestring]) { [Net.NetworkCredential]::new('', $value).Password } else { $value }
    }
    function script:Set-Secret([Parameter(Position = 0)][string] $Name, [object] $Secret, [securestring] $SecureStringSecret, [string] $Vault) {
        $value = if ($SecureStringSecret) { $SecureStringSecret } else { $Secret }
        # A vault takes a SecureString or a PSCredential as the secret; anything else here is an example's mistake.
        if (-not ($value -is [securestring] -or $value -is [pscredential])) { throw "Set-Secret '$Name' was given no SecureString or PSCredential." }
        $secretStore[$Name] = $value
    }

    # Azure Automation: the runbook's assets, and the cmdlet that stores a credential asset.
    $script:automation = @{}
    function script:Get-AutomationPSCredential([string] $Name) {
        if ($Name -ne 'DinteroPartner') { throw "The Automation account has no credential '$Name'." }
        $credentials['demo-partner']
    }
    function script:Get-AutomationVariable([string] $Name) {
        if ($Name -ne 'DinteroPartnerId') { throw "The Automation account has no variable '$Name'." }
        'T11200000'
    }
    function script:New-AzAutomationCredential([string] $ResourceGroupName, [string] $AutomationAccountName, [string] $Name, [pscredential] $Value) {
        if (-not $Value) { throw "New-AzAutomationCredential '$Name' was given no credential." }
        $automation[$Name] = $Value
    }

    # An Azure Function's host (Test-DinteroWebhookSignature's receiver): the response it is given, its app setting
    # with the hooks' secret, and its HOME, where the receiver keeps the deliveries it handled.
    $script:responses = [System.Collections.Generic.List[object]]::new()
    if (-not ('HttpResponseContext' -as [type])) {
        Add-Type -TypeDefinition 'public class HttpResponseContext { public object StatusCode { get; set; } public object Body { get; set; } public System.Collections.IDictionary Headers { get; set; } }'
    }
    function script:Push-OutputBinding([string] $Name, [object] $Value) { $responses.Add($Value) }
    $env:DINTERO_HOOK_SECRET = $hookSecret

    Connect-Dintero
    $script:merchants = 'T11200001', 'T11200002', 'T11200003'
    # Dintero takes a signup only for a company with an organization number.
    $merchants | Set-DinteroAccountSetting -OrganizationNumber 912345678 | Out-Null
    $receiver = "$($emulator)_emulator/receiver"

    # The sheets and files the examples read, in the working folder, as each page describes them.
    @'
account_id,signup_reference,merchant_key,email,payment_options[0].type,payment_options[0].currencies,store_type,revenue.currency
T11200001,shop-0001,K-0001,kari@fjordkaffe.example,dintero.zero,NOK,online,NOK
T11200002,shop-0002,K-0002,ola@havet.example,dintero.zero,NOK;SEK,online;instore,NOK
T11200003,shop-0003,K-0003,per@bakeriet.example,dintero.zero,NOK,online,NOK
'@ | Set-Content merchants.csv
    '{"payment_options": [{"type": "dintero.zero", "currencies": ["NOK"]}], "store_type": ["online"]}' | Set-Content signup.json
    @'
applicant.signup_reference,applicant.email,applicant.first_name,company.business_name,company.address.address_line,company.address.postal_code,company.address.postal_place,company.address.country
shop-0004,liv@lunsj.example,Liv,Lunsj AS,Kirkegata 4,0153,Oslo,NO
shop-0005,nils@sykkel.example,Nils,Sykkel AS,Bryggen 5,5003,Bergen,NO
'@ | Set-Content invitations.csv
    @'
account_id,organization_number
T11200001,912345678
T11200002,923456789
'@ | Set-Content companies.csv
    @'
account_id,name,scope
T11200002,Kiosk,admin:checkout
T11200003,Kiosk,admin:checkout
'@ | Set-Content shops.csv
    @'
account_id,profile_id
T11200001,default
T11200002,default
'@ | Set-Content profiles.csv
    @"
account_id,url
T11200001,$receiver/T11200001
T11200002,$receiver/T11200002
"@ | Set-Content hooks.csv
    @'
account_id,payment_options[0].type,payment_options[0].currencies,revenue.currency,revenue.yearly_revenue,bank_name,account_number,store_type,applicant.phone_number
T11200002,bambora.creditcard,NOK,NOK,100.000-250.000 NOK,DNB,12345678903,online,+4799999999
'@ | Set-Content bambora.csv
    '{"account_id": "T11200003", "payment_options": [{"type": "bambora.creditcard", "currencies": ["NOK"]}], "revenue": {"currency": "NOK", "yearly_revenue": "100.000-250.000 NOK"}, "bank_name": "DNB", "account_number": "12345678903", "store_type": ["online"], "applicant": {"phone_number": "+4799999999"}}' | Set-Content bambora-signup.json
    @'
account_id,legal_name,organization_number,bank_name,account_number,website,payment_options[0].type
T11200002,Havet AS,923456789,DNB,12345678903,https://havet.example,collector.invoice
'@ | Set-Content collector.csv
    '{"legal_name": "Bakeriet AS", "organization_number": "934567890", "bank_name": "DNB", "account_number": "12345678903", "website": "https://bakeriet.example", "payment_options": [{"type": "collector.invoice", "currencies": ["NOK"]}]}' | Set-Content collector-signup.json
    @'
account_id,email,phone_number,industry,account_number,total_number_of_transactions,total_volume_of_transactions,finance_number_of_transactions,finance_volume_of_transactions,payment_options[0].type
T11200002,finance@havet.example,+4799999999,goods,12345678903,1000,500000,100,50000,instabank.invoice
'@ | Set-Content instabank.csv
    '{"email": "finance@bakeriet.example", "phone_number": "+4799999999", "industry": "goods", "account_number": "12345678903", "total_number_of_transactions": "1000", "total_volume_of_transactions": "500000", "finance_number_of_transactions": "100", "finance_volume_of_transactions": "50000", "payment_options": [{"type": "instabank.invoice", "currencies": ["NOK"]}]}' | Set-Content instabank-signup.json
    @'
account_id,payment_options[0].type,payment_options[0].currencies,applicant_contact.name,applicant_contact.phone_number,applicant_contact.email
T11200002,payex.creditcard,NOK;SEK,Ola Nordmann,+4799999999,ola@havet.example
'@ | Set-Content payex.csv
    '{"payment_options": [{"type": "payex.creditcard", "currencies": ["NOK"]}], "applicant_contact": {"name": "Per Hansen", "phone_number": "+4799999999", "email": "per@bakeriet.example"}}' | Set-Content payex-signup.json
    @'
account_id,legal_name,organization_number,website,payment_options[0].type,payment_options[0].currencies
T11200002,Havet Fisk AB,5561234567,https://havetfisk.example,swish.swish,SEK
'@ | Set-Content swish.csv
    '{"legal_name": "Bageriet AB", "organization_number": "5567654321", "website": "https://bageriet.example", "payment_options": [{"type": "swish.swish", "currencies": ["SEK"]}]}' | Set-Content swish-signup.json

    # What no example makes and some read or remove: clients named 'Old shop', 'Back office' and 'Retired kiosk', subscriptions of the
    # partner and its merchants (one to an old URL, whose delivery fails), and the sheets of them an earlier run kept.
    $hookSecure = Secure $hookSecret
    New-DinteroApiClient -AccountId T11200001 -Name 'Old shop' -InformationAction Ignore | Out-Null
    $merchants | Select-Object -First 2 | New-DinteroApiClient -Name 'Back office' -InformationAction Ignore | Out-Null
    $merchants | Select-Object -First 2 | Get-DinteroApiClient -Name 'Back office' | Select-Object account_id, id, name | Export-Csv clients.csv -NoTypeInformation
    $merchants | Select-Object -Skip 1 | New-DinteroApiClient -Name 'Retired kiosk' -InformationAction Ignore | Out-Null
    $merchants | Select-Object -Skip 1 | Get-DinteroApiClient -Name 'Retired kiosk' | Select-Object account_id, id, name | Export-Csv retired-clients.csv -NoTypeInformation
    New-DinteroWebhook -Event account_update -Url "$receiver/partner" -Secret $hookSecure -WarningAction SilentlyContinue | Out-Null
    New-DinteroWebhook -Event account_update -Url 'https://old.example.com/dintero' -Secret $hookSecure -WarningAction SilentlyContinue | Out-Null
    New-DinteroWebhook -AccountId T11200001 -Event settlement_add -Url "$receiver/shop" -Secret $hookSecure | Out-Null
    New-DinteroWebhook -AccountId T11200003 -Event settlement_add -Url "$receiver/retired" -Secret $hookSecure | Out-Null
    Get-DinteroWebhook -AccountId T11200001 | Select-Object account_id, id, url | Export-Csv subscriptions.csv -NoTypeInformation
    Get-DinteroWebhook -AccountId T11200003 | Select-Object account_id, id, url | Export-Csv retired-hooks.csv -NoTypeInformation

    # A delivery as the receiver got it: its body byte for byte, and its signature header kept beside it; and the same
    # as an Azure Function's $Request, with the headers the function reads.
    $delivered = $null
    for ($wait = 0; -not $delivered -and $wait -lt 50; $wait++) {
        Start-Sleep -Milliseconds 100
        $delivered = @(Invoke-RestMethod "$($emulator)_emulator/receiver") | ForEach-Object { $_ } | Where-Object { $_.path -like '*/receiver/partner' } | Select-Object -First 1
    }
    if (-not $delivered) { throw 'The emulator delivered no ping to the receiver.' }
    [IO.File]::WriteAllBytes((Join-Path $TestDrive 'delivery.json'), [Text.Encoding]::UTF8.GetBytes($delivered.body))
    Set-Content delivery.signature $delivered.eventSignature
    $script:delivery = $delivered
    function script:New-Request([string] $Body = $delivery.body, [hashtable] $Headers = @{ 'event' = $delivery.event; 'event-delivery' = $delivery.eventDelivery; 'event-signature' = $delivery.eventSignature }) {
        [pscustomobject]@{ Method = 'POST'; RawBody = $Body; Body = $Body | ConvertFrom-Json; Headers = $Headers }
    }
    # The Function App's HOME, where the receiver keeps the ids of the deliveries it handled.
    $script:homeBefore = $env:HOME
    $env:HOME = (New-Item (Join-Path $TestDrive 'function-home') -ItemType Directory).FullName

    # Runs an example's code as printed, but for the URLs of this emulator and proxy, the way a user runs it (errors
    # stop it), and gives everything it wrote to any stream. A receiver's code (param($Request, ...)) gets a request.
    function script:Invoke-Example([string] $Code, [hashtable] $Arguments = @{}) {
        $Code = $Code.Replace('http://127.0.0.1:5080/v1', $env:DINTERO_TEST_BASE_URI.TrimEnd('/')).Replace('http://127.0.0.1:5080/checkout/v1', $env:DINTERO_TEST_CHECKOUT_BASE_URI.TrimEnd('/')).Replace('http://127.0.0.1:5080/', $env:DINTERO_TEST_EMULATOR)
        if ($env:DINTERO_TEST_AUTH_PROXY) { $Code = $Code.Replace('http://proxy.corp.example:3128', $env:DINTERO_TEST_AUTH_PROXY.TrimEnd('/')) }
        $ErrorActionPreference = 'Stop'
        & ([scriptblock]::Create($Code)) @Arguments *>&1
    }

    # An example passes when it wrote no error and no secret.
    function script:Assert-Clean([object[]] $Records) {
        $errors = @($Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | ForEach-Object { $_ | Out-String } | Should -BeNullOrEmpty
        $text = $Records | Out-String -Width 400
        foreach ($secret in $secrets) { $text.Contains($secret) | Should -BeFalse -Because 'no example may print a client secret' }
    }
}

AfterAll {
    Pop-Location
    $env:HOME = $homeBefore
    Remove-Item env:DINTERO_ACCOUNT_ID, env:DINTERO_CLIENT_ID, env:DINTERO_CLIENT_SECRET, env:DINTERO_BASE_URI, env:DINTERO_CHECKOUT_BASE_URI, env:DINTERO_HOOK_SECRET -ErrorAction SilentlyContinue
}

Describe 'Help examples' {
    It 'has examples to run, each a ```powershell block' {
        @($examples).Count | Should -BeGreaterOrEqual 97
        @($examples | Where-Object Language -ne 'powershell' | ForEach-Object { "$($_.Page): $($_.Title)" }) | Should -BeNullOrEmpty
    }

    BeforeEach {
        # As a user starts: connected as the partner, from the environment, in the working folder; an example that
        # connected elsewhere or changed the DINTERO_* variables leaves nothing behind for the next.
        $env:DINTERO_ACCOUNT_ID = 'T11200000'
        $env:DINTERO_CLIENT_ID = 'demo-partner'
        $env:DINTERO_CLIENT_SECRET = 'demo-partner-secret-change-me'
        $env:DINTERO_BASE_URI = $env:DINTERO_TEST_BASE_URI
        $env:DINTERO_CHECKOUT_BASE_URI = $env:DINTERO_TEST_CHECKOUT_BASE_URI
        Connect-Dintero
        Set-Location $TestDrive
    }

    It '<Page>: <Title>' -ForEach @($examples | Where-Object { -not $_.Skip }) {
        $arguments = if ($Code -match '^\s*param\(\$Request') { @{ Request = (New-Request); TriggerMetadata = @{} } } else { @{} }
        Assert-Clean (Invoke-Example $Code $arguments)
    }

    It '<Page>: <Title> (skipped: <Why>)' -ForEach @($examples | Where-Object Skip) -Skip {
        Assert-Clean (Invoke-Example $Code)
    }
}

Describe 'The receiver of Test-DinteroWebhookSignature: <Title>' -ForEach $receivers {
    BeforeEach {
        $responses.Clear()
        Remove-Item (Join-Path $env:HOME 'dintero-deliveries.txt') -ErrorAction SilentlyContinue
    }

    It 'answers 200 to a delivery Dintero signed, and handles it once when it comes again' {
        Assert-Clean (Invoke-Example $Code @{ Request = (New-Request); TriggerMetadata = @{} })
        Assert-Clean (Invoke-Example $Code @{ Request = (New-Request); TriggerMetadata = @{} })

        @($responses).StatusCode | Should -Be 200, 200
        Get-Content (Join-Path $env:HOME 'dintero-deliveries.txt') | Should -Be $delivery.eventDelivery
    }

    It 'answers 401, with no error, to a delivery without the event-signature header' {
        $request = New-Request -Headers @{ 'event' = 'ping'; 'event-delivery' = [guid]::NewGuid().ToString() }

        Assert-Clean (Invoke-Example $Code @{ Request = $request; TriggerMetadata = @{} })

        @($responses).StatusCode | Should -Be 401
        Join-Path $env:HOME 'dintero-deliveries.txt' | Should -Not -Exist
    }

    It 'answers 401 to a delivery whose body was changed on the way' {
        $request = New-Request -Body ($delivery.body + ' ')

        Assert-Clean (Invoke-Example $Code @{ Request = $request; TriggerMetadata = @{} })

        @($responses).StatusCode | Should -Be 401
    }
}
