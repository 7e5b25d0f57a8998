#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Templates: Get-DinteroSignupTemplate's sheet for each kind, exported as a partner saves it (Export-Csv, also with ';'
# as Excel in Norway writes it), read back with Import-Csv and piped into the kind's cmdlet with -WhatIf: every column
# binds, none is ignored with a warning, and the row is accepted. (The approvals' cases are issue 28's other branch's,
# with their cmdlets.) Run by `dotnet test` (PesterSuiteTests), which starts the emulator; the header is
# tests/Support/Suite.ps1.

BeforeDiscovery {
    $script:signups = foreach ($kind in 'Common', 'Bambora', 'Collector', 'Instabank', 'PayEx', 'Swish', 'Vipps') {
        foreach ($delimiter in ',', ';') { @{ Kind = $kind; Delimiter = $delimiter } }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    Connect-Dintero @partner
    # A merchant of the partner that no test here gives a connection: every signup would be created.
    $script:merchantId = 'T00000350'

    # The template as a partner fills it in: the account's id in, saved and read back as Excel's CSV is.
    function script:Read-FilledTemplate([string] $Kind, [string] $Delimiter) {
        $path = Join-Path $TestDrive "$Kind-$([int][char]$Delimiter).csv"
        $template = Get-DinteroSignupTemplate -Kind $Kind
        $template.account_id = $merchantId
        $template | Export-Csv -Path $path -Delimiter $Delimiter -NoTypeInformation
        Import-Csv -Path $path -Delimiter $Delimiter
    }
}

Describe 'Get-DinteroSignupTemplate' {
    It 'writes one object of the kind''s columns, account_id first, each with an example' {
        $template = @(Get-DinteroSignupTemplate -Kind Common)

        $template.Count | Should -Be 1
        $template[0].PSTypeNames[0] | Should -Be 'Dintero.Connections.SignupTemplate'
        $columns = $template[0].PSObject.Properties.Name
        $columns[0] | Should -Be 'account_id'
        $columns | Should -Contain 'revenue.currency'
        $template[0].'payment_options[0].type' | Should -Be 'dintero.zero'
        $template[0].store_type | Should -Be 'online;instore'
        $template[0].PSObject.Properties.Value | Where-Object { -not $_ } | Should -BeNullOrEmpty
        $columns | Should -Not -Contain 'created_at'
    }

    It 'gives each provider its own payment option type, and Vipps, which takes no signup, the account alone' {
        (Get-DinteroSignupTemplate -Kind Swish).'payment_options[0].type' | Should -Be 'swish.swish'
        (Get-DinteroSignupTemplate -Kind Swish).'payment_options[0].currencies' | Should -Be 'SEK'
        @((Get-DinteroSignupTemplate -Kind Vipps).PSObject.Properties.Name) | Should -Be @('account_id')
    }

    It 'completes -Kind with every kind, and refuses a mistyped one with the nearest' {
        $script = 'Get-DinteroSignupTemplate -Kind Pay'
        $completion = (TabExpansion2 -inputScript $script -cursorColumn $script.Length).CompletionMatches.CompletionText
        $completion | Should -Be @('PayEx', 'PaymentApproval', 'PayoutDestination')

        { Get-DinteroSignupTemplate -Kind Comon } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        try { Get-DinteroSignupTemplate -Kind Comon } catch { $_.Exception.Message | Should -Match "Did you mean 'Common'\?" }
    }

    It 'needs no connection' {
        Disconnect-Dintero
        try { (Get-DinteroSignupTemplate -Kind PayoutDestination).'bank_accounts[0].bank_account_number' | Should -Be '86011117947' }
        finally { Connect-Dintero @partner }
    }
}

Describe 'A template filled in, saved with ''<Delimiter>'' and piped into its cmdlet' -ForEach $signups {
    It '<Kind>: binds every column without a warning, and would be created' {
        $rows = @(Read-FilledTemplate $Kind $Delimiter)
        $rows.Count | Should -Be 1

        $rows | & "New-Dintero$($Kind)Connection" -WhatIf -ReportVariable plan -ErrorVariable failures -WarningVariable warnings -WarningAction SilentlyContinue 6>$null

        $failures | Should -BeNullOrEmpty
        # Bambora's deprecation is said once per session, whatever the input: any other warning is the template's.
        @($warnings | Where-Object { "$_" -notmatch 'deprecated' }) | Should -BeNullOrEmpty
        $plan.outcome | Should -Be 'WouldCreate'
        $plan.account_id | Should -Be $merchantId
    }
}

Describe 'The account settings template filled in, saved with ''<_>'' and piped into Set-DinteroAccountSetting' -ForEach ',', ';' {
    It 'is accepted, and sets every field of the template, the address too' {
        $rows = @(Read-FilledTemplate AccountSetting $_)
        $columns = $rows[0].PSObject.Properties.Name | Where-Object { $_ -ne 'account_id' }

        # An error (a field refused) would stop the command, and the test with it.
        $rows | Set-DinteroAccountSetting -WhatIf -ErrorAction Stop
        # Sent, every column is a field of the company Dintero holds: none was left unbound (that would be silent).
        $company = ($rows | Set-DinteroAccountSetting -PassThru -ErrorAction Stop).company

        $columns | Should -Contain 'address'
        foreach ($column in $columns -ne 'address') { $company.$column | Should -Be $rows[0].$column -Because $column }
        foreach ($field in ($rows[0].address | ConvertFrom-Json).PSObject.Properties) {
            $company.address.($field.Name) | Should -Be $field.Value -Because "address.$($field.Name)"
        }
    }
}
