@{
    RootModule             = 'Dintero.Connections.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'e915fef5-0a1e-4e1a-b934-6013e3fd70ba'
    Author                 = 'Dintero.Connections contributors'
    CompanyName            = 'Dintero.Connections contributors'
    Copyright              = '(c) Dintero.Connections contributors. All rights reserved.'
    Description            = 'Onboard merchants to Dintero payment connections (Common, Bambora, Collector, Instabank, PayEx, Swish, Vipps) from scripts, Azure Automation runbooks and the prompt, and follow each signup until it is enabled.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport        = @(
        'Connect-Dintero'
        'Disconnect-Dintero'
        'Get-DinteroContext'
        'New-DinteroCommonConnection'
        'New-DinteroCommonSignupLink'
        'New-DinteroBamboraConnection'
        'New-DinteroCollectorConnection'
        'New-DinteroInstabankConnection'
        'New-DinteroPayExConnection'
        'New-DinteroSwishConnection'
        'New-DinteroVippsConnection'
        'Wait-DinteroConnection'
        'Get-DinteroConnection'
        'Get-DinteroAccountSetting'
        'Set-DinteroAccountSetting'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    FormatsToProcess       = @('Dintero.Connections.format.ps1xml')
    PrivateData            = @{
        PSData = @{
            Tags         = @('Dintero', 'Payments', 'Onboarding', 'Merchant', 'Bambora', 'AzureAutomation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://docs.dintero.com'
            ReleaseNotes = 'First release: Connect-Dintero, Common and Bambora connections, account settings; validation before sending, token cache per session, retries that never repeat a signup.'
        }
    }
}
