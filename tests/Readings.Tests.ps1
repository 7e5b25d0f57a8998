#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# tools/Test-DinteroReadings.ps1, the check of the module's readings a partner runs against its own test account
# (docs/guides/go-live.md, "What a live account should confirm"), run here against the emulator, which was built to
# the module's readings: every reading it checks comes out Confirmed, no secret or token shows, what it makes is
# deleted, and a production or merchant account is refused before anything is sent.
# Run by `dotnet test` (PesterSuiteTests): partner T00000000 has the merchants T00000001 to T00000400.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/Suite.ps1')
    $script:readings = Join-Path $repository 'tools/Test-DinteroReadings.ps1'
    $script:partnerCredential = [pscredential]::new($env:DINTERO_TEST_PARTNER_CLIENT_ID, (ConvertTo-SecureString $env:DINTERO_TEST_PARTNER_CLIENT_SECRET -AsPlainText -Force))
    $script:against = @{ AccountId = $partnerId; Credential = $partnerCredential; BaseUri = $env:DINTERO_TEST_BASE_URI; CheckoutBaseUri = $env:DINTERO_TEST_CHECKOUT_BASE_URI }
    # A payment approval names the merchant's organization number.
    Connect-Dintero @partner
    Set-DinteroAccountSetting -AccountId T00000301 -OrganizationNumber 912345678 -InformationAction Ignore | Out-Null

    # The throwaway clients the emulator still holds.
    function script:Get-ThrowawayClient {
        @(Invoke-RestMethod "$($emulator)_emulator/api-clients") | ForEach-Object { $_ } | Where-Object name -like 'readings-check-*'
    }
}

AfterAll {
    Clear-EmulatorFault
}

Describe 'tools/Test-DinteroReadings.ps1 against the emulator' {
    It 'confirms every reading, shows no secret or token, and deletes what it made' {
        # Between the script and the module: each client_secret and access_token Dintero answered, to look for them in
        # the output. The script's request goes on unchanged (its status variable set where it asked).
        $seen = [System.Collections.Generic.List[string]]::new()
        function Invoke-DinteroRequest {
            [CmdletBinding(SupportsShouldProcess)]
            param([string] $Path, [string] $Method, $Body, $Query, [string] $AccountId, $Context, [string] $StatusCodeVariable, [switch] $AsHashtable, [switch] $Raw, [switch] $All)
            $forward = @{} + $PSBoundParameters
            if ($StatusCodeVariable) { $forward.StatusCodeVariable = 'spied' }
            try { $answer = @(Dintero.Connections\Invoke-DinteroRequest @forward) }
            finally { if ($StatusCodeVariable) { Set-Variable -Name $StatusCodeVariable -Value $spied -Scope 1 } }
            foreach ($item in $answer) {
                if ($item -isnot [System.Collections.IDictionary]) { continue }
                foreach ($field in 'client_secret', 'access_token') {
                    if ($item[$field] -is [Dintero.Connections.Models.DinteroSecret]) { $seen.Add($item[$field].GetPlainText()) }
                }
            }
            $answer
        }

        $all = Get-AllStreams {
            $VerbosePreference = 'Continue'
            $script:rows = & $readings @against -MerchantId T00000301 -IncludeApprovals
            $rows | Format-Table -Wrap | Out-String -Width 400
            $rows | Format-List * | Out-String -Width 400
            $rows | ConvertTo-Csv
        }

        @($rows).Reading | Should -Contain 'CheckoutScope'
        @($rows).Reading | Should -Contain 'ClientSecretField'
        @($rows).Reading | Should -Contain 'ExchangedTokenReachesCheckout'
        @($rows).Reading | Should -Contain 'ClientIdTaken'
        @($rows).Reading | Should -Contain 'PartnerCreatesPaymentApproval'
        @($rows).Reading | Should -Contain 'ExchangeAnswer'
        foreach ($row in $rows) { $row.Outcome | Should -Be 'Confirmed' -Because "$($row.Reading): $($row.Dintero) $($row.Why)" }
        ($rows | Where-Object Reading -eq ClientIdTaken).Dintero | Should -Match '^409'
        ($rows | Where-Object Reading -eq ExchangeAnswer).Dintero | Should -Match 'access_token \(\*\*\*\).*: 403\.'

        # No secret or token: the partner's secret, what Dintero answered (the new client's secret, the rotated one, the
        # exchange token), and every token the emulator issued (the partner's, the exchanges', the new client's).
        $seen.Count | Should -BeGreaterOrEqual 3 -Because 'the run was given a client secret, a rotated one and an exchange token'
        $tokens = @(Invoke-RestMethod "$($emulator)_emulator/tokens")
        $tokens | Should -Not -BeNullOrEmpty
        $all | Should -Match 'client_secret \(\*\*\*\)'
        $all.Contains($env:DINTERO_TEST_PARTNER_CLIENT_SECRET) | Should -BeFalse
        foreach ($value in @($seen) + $tokens) { $all.Contains($value) | Should -BeFalse -Because "no secret or token may show (one of $(@($seen).Count + $tokens.Count) did)" }

        # What it made: the client and its grant gone, the approval case opened (it cannot be deleted).
        Get-ThrowawayClient | Should -BeNullOrEmpty
        @(Get-EmulatorRequest DELETE '/v1/accounts/T00000301/auth/clients/*' | Where-Object status -eq 200) | Should -HaveCount 1
        @(Get-EmulatorRequest POST '/v1/accounts/T00000301/management/settings/approvals/payments' | Where-Object status -eq 200) | Should -HaveCount 1
        # It leaves the session without a connection, as its help says.
        Get-DinteroContext | Should -BeNullOrEmpty
    }

    It 'opens no payment approval without -IncludeApprovals, and deletes its client when a check fails' {
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000302/auth/client-grants'; status = 500; times = -1 }
        try { $rows = & $readings @against -MerchantId T00000302 -WarningAction SilentlyContinue }
        finally { Clear-EmulatorFault }

        $approval = $rows | Where-Object Reading -eq PartnerCreatesPaymentApproval
        $approval.Outcome | Should -Be 'NotChecked'
        $approval.Why | Should -Match '-IncludeApprovals'
        Get-EmulatorRequest POST '/v1/accounts/T00000302/management/settings/approvals/payments' | Should -BeNullOrEmpty
        $scope = $rows | Where-Object Reading -eq CheckoutScope
        $scope.Outcome | Should -Be 'NotChecked'
        $scope.Dintero | Should -Match '^Grant: 500'
        ($rows | Where-Object Reading -eq ClientSecretField).Outcome | Should -Be 'Confirmed'
        Get-ThrowawayClient | Should -BeNullOrEmpty
    }

    It 'calls a create answer wrapped as {"Client": ...} Contradicted, shows not its secret, and deletes every client it made' {
        # Dintero.Checkout.DotNet's 2021 reading of the answer. The emulator stores nothing for this answer, so the
        # same client_id asked for again is made: a second client, which the end of the run deletes.
        $wrapped = @{ Client = @{ id = '0b4f3c1e-0000-4000-8000-00000000abcd'; name = 'readings-check-wrapped'; client_id = 'readings-check-wrapped'; client_secret = 'wrapped-secret-never-shown-0001' } } | ConvertTo-Json -Compress
        Add-EmulatorFault @{ method = 'POST'; path = '/v1/accounts/T00000305/auth/clients'; status = 200; body = $wrapped; times = 1 }
        try { $all = Get-AllStreams { $script:rows = & $readings @against -MerchantId T00000305; $rows | Format-List * | Out-String -Width 400 } }
        finally { Clear-EmulatorFault }

        $secretField = $rows | Where-Object Reading -eq ClientSecretField
        $secretField.Outcome | Should -Be 'Contradicted'
        $secretField.Dintero | Should -Match 'wrapped as \{"Client": \{\.\.\.\}\}.*client_secret \(\*\*\*\)'
        ($rows | Where-Object Reading -eq ClientIdTaken).Outcome | Should -Be 'Contradicted'
        $all.Contains('wrapped-secret-never-shown-0001') | Should -BeFalse
        @(Get-EmulatorRequest POST '/v1/accounts/T00000305/auth/clients' | Where-Object status -eq 200) | Should -HaveCount 2
        Get-ThrowawayClient | Should -BeNullOrEmpty
    }

    It 'refuses <Case> before sending anything' -TestCases @(
        @{ Case = 'a production partner'; AccountId = 'P00000000'; MerchantId = 'T00000303'; ErrorId = 'Readings.ProductionAccount' }
        @{ Case = 'a production merchant'; AccountId = 'T00000000'; MerchantId = 'P00000303'; ErrorId = 'Readings.ProductionAccount' }
        @{ Case = 'a merchant''s account as the partner'; AccountId = 'T00000303'; MerchantId = 'T00000304'; ErrorId = 'Readings.NotAPartner' }
        @{ Case = 'a partner as the merchant'; AccountId = 'T00000000'; MerchantId = 'T11200000'; ErrorId = 'Readings.NotAMerchant' }
    ) {
        $before = @(Get-EmulatorLog).Count
        $splat = @{} + $against
        $splat.AccountId = $AccountId

        { & $readings @splat -MerchantId $MerchantId -IncludeApprovals } | Should -Throw -ErrorId "$ErrorId*"

        @(Get-EmulatorLog).Count | Should -Be $before
    }
}
