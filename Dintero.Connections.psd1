@{
    RootModule             = 'Dintero.Connections.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'e915fef5-0a1e-4e1a-b934-6013e3fd70ba'
    Author                 = 'Dintero.Connections contributors'
    CompanyName            = 'Dintero.Connections contributors'
    Copyright              = '(c) 2026 Dintero.Connections contributors. MIT License (the LICENSE file).'
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
        'Get-DinteroAccount'
        'New-DinteroMerchantInvite'
        'Get-DinteroOnboardingLink'
        'New-DinteroApiClient'
        'Get-DinteroApiClient'
        'Reset-DinteroApiClientSecret'
        'Remove-DinteroApiClient'
        'Get-DinteroPaymentProfile'
        'Set-DinteroPaymentProfile'
        'New-DinteroWebhook'
        'Get-DinteroWebhook'
        'Remove-DinteroWebhook'
        'Send-DinteroWebhookPing'
        'Get-DinteroWebhookDelivery'
        'Test-DinteroWebhookSignature'
        'Get-DinteroMerchantReadiness'
        'New-DinteroPaymentApproval'
        'Get-DinteroPaymentApproval'
        'Wait-DinteroPaymentApproval'
        'New-DinteroPayoutDestination'
        'Get-DinteroPayoutDestination'
        'Wait-DinteroPayoutDestination'
        'Get-DinteroSignupTemplate'
        'Invoke-DinteroRequest'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    FormatsToProcess       = @('Dintero.Connections.format.ps1xml')
    PrivateData            = @{
        PSData = @{
            Tags         = @('Dintero', 'Payments', 'Onboarding', 'Merchant', 'Bambora', 'AzureAutomation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No ProjectUri or LicenseUri: the project has no public address yet. The licence is the LICENSE file in the package.
            ReleaseNotes = @'
0.1.0
- Connect-Dintero with an API client's credentials (parameters, a PSCredential or DINTERO_* environment variables); one token per account, cached per session and renewed early.
- Partner mode: connected with a partner account (an id ending in 00000), every cmdlet reaches the partner's merchants through Dintero's token exchange; Get-DinteroAccount lists them, New-DinteroMerchantInvite invites new ones, Get-DinteroOnboardingLink gives onboarding links with the partner's own signup references.
- New-Dintero*Connection for every connection kind: Common (and its signup link), Bambora (deprecated by Dintero), Collector, Instabank, PayEx, Swish and Vipps; Get-DinteroConnection and Wait-DinteroConnection to read them and follow signups until enabled.
- Get-/Set-DinteroAccountSetting for the account's company (the organization number the Common signup needs).
- Input from hashtables, Import-Csv sheets, ConvertFrom-Json objects or typed models, checked before anything is sent, with every problem under its field path.
- Get-DinteroSignupTemplate writes the sheet of each kind (the connection kinds, the account's company, the approvals): every column its cmdlet takes, with example values, for Export-Csv.
- Up to -ThrottleLimit requests in flight, output in input order, progress, per-row errors; 429 waited out, safe requests retried, a signup never sent twice.
- Invoke-DinteroRequest for the endpoints without a cmdlet yet, with the session's tokens (partner mode too), retries, -All paging, -WhatIf and redaction.
- Proxies: Connect-Dintero -Proxy/-ProxyCredential/-NoProxy, else HTTPS_PROXY/HTTP_PROXY/NO_PROXY, else the system's, for token requests and API calls alike; a proxy's 407 or an unreachable proxy named as such.
- Errors for support: every API error carries its status, time, request id and the answer's headers; a throttling give-up is Dintero.Throttled; -MaxRetries, -RequestTimeout and -MaxRetryAfter on Connect-Dintero.
- Safe re-runs: a merchant whose connection of the kind is pending or enabled is skipped (-Force sends anyway), a signup whose answer was lost is read back, never sent again; -ReportVariable gives one row per input for Export-Csv, which the next run takes back; repeated warnings summed up; doubtful values (an e-mail without @, a URL that is not http(s)) warned about.
- Secrets, tokens, social security and bank account numbers masked in every stream; credentials Dintero returns are DinteroSecret objects, *** in ConvertTo-Json, Export-Clixml, Export-Csv and Out-String, read with .GetPlainText().
- Approvals: New-/Get-/Wait-DinteroPaymentApproval (an account's application for payments, a case Dintero reviews and the signatory signs) and New-/Get-/Wait-DinteroPayoutDestination (a marketplace's sellers for split payments), made once per row with -WhatIf plans and -ReportVariable reports as the signups are; the readiness report counts an ACTIVE payment approval.
'@
        }
    }
}
