<#
.SYNOPSIS
Checks, against a real test (T) partner account, the points of Dintero's API the module had to read without
Dintero's documentation settling them, and writes one row per reading: Confirmed, Contradicted or NotChecked.

.DESCRIPTION
Where Dintero's documentation leaves a point open, or its pages (and Dintero's own generated 2021 .NET client,
Dintero/Dintero.Checkout.DotNet) disagree, the module made one choice and the emulator was built to agree with it
(docs/guides/go-live.md, "What a live account should confirm"; docs/openapi/*.yaml, x-uncertain). This script asks
Dintero itself, with a partner's own test credentials and one of its test merchants, and writes for each reading
what the module reads (Module), the Outcome, what Dintero answered (Dintero: status codes, field names and shapes,
never a secret or a token) and, for a reading it could not check, why not (Why).

It is a script in the repository's tools/ folder, not a cmdlet of the module: a one-off diagnostic for a partner who
wants to know whether the module's readings hold for their account, not an everyday command. It creates throwaway
objects on the merchant and deletes them again:
- an API client named readings-check-<time>-<hex> (client_id the same), with a grant for the merchant's account,
  whose secret it rotates once; a second client it asks for with the same client_id is refused (if Dintero made it,
  it is deleted too). Everything it made is deleted at the end, also when a check fails or the run is stopped; what
  could not be deleted is named in a warning with the command that removes it.
- with -IncludeApprovals only: a payment approval case on the merchant (products checkout, payment method
  creditcard, the merchant's own organization number and country, a NOK bank account without a number, no
  form_submitter, so nobody is e-mailed). Dintero documents no way to delete a payment approval, so the case
  stays on the merchant's test account.

It refuses, before anything is sent, a production (P) account, an -AccountId that is not a partner's (a partner's id
ends in five zeros: T11200000) and a -MerchantId that is not a test merchant. It connects with Connect-Dintero as the
partner, and as the throwaway client for one check; at the end it disconnects both, so the session is left without a
connection (connect again to go on). Every call but one goes through the module (Invoke-DinteroRequest and the
cmdlets), so its retries, proxy and redaction apply: the module masks client_secret, access_token and client_id in
the answers, and this script shows field names, not values. The one call the module cannot make is the exchange
token used by itself: the module never sends a token it did not choose, so that call (one GET of the merchant's
settings) is made with Invoke-WebRequest, through the proxy PowerShell itself uses (HTTPS_PROXY and the system's),
and only its status code is kept.

The readings, in the order written:
- CheckoutScope: a grant for the account with admin:checkout (ClientScopes.CheckoutAdmin; the partner guide writes
  checkout:admin) is accepted, and the client's own token then reads the merchant's default payment profile.
- ClientSecretField: the create answer holds client_secret at its top level (ApiClientSpec.SecretField), not wrapped
  as {"Client": {...}} as Dintero.Checkout.DotNet's generated client (InlineResponse2003) reads it.
- ExchangedTokenReachesCheckout: the merchant token from the partner's exchange reads the merchant's payment profile
  on the checkout API (ScopedApi.ExchangedTokenCarriesPartnerScopes).
- ClientIdTaken: a client_id that is taken is refused with 409, or a 400 naming client_id (ApiClientSpec.ClientIdTaken).
- PartnerCreatesPaymentApproval: the partner may open a payment approval for its merchant with the exchanged token
  (New-DinteroPaymentApproval). Opt-in with -IncludeApprovals.
- ExchangeAnswer: auth/exchange_token answers a token to trade for the merchant's token (the module's three calls
  per merchant, Auth/TokenEndpoints), not the merchant's token itself (as Dintero.Checkout.DotNet describes it): the
  answer's fields, and whether its token alone reads the merchant's settings.
- RotatedSecretField: rotate-secret answers the new secret as client_secret at the top level (ApiClientSpec.SecretField).
- GrantsGoWithClient: a deleted client's grants go with it (docs/openapi/dintero-clients.yaml; the emulator).
- PaymentApprovalList: the payment approvals list is one object, {"payments": [...]} (Get-DinteroPaymentApproval).

.PARAMETER AccountId
The partner's account: T, three digits and five zeros (T11200000). Default: $env:DINTERO_ACCOUNT_ID, as
Connect-Dintero takes it.

.PARAMETER MerchantId
One of the partner's test merchants (T and eight digits), on which the throwaway objects are made.

.PARAMETER Credential
The partner's API client: its client id as the user name and its secret as the password. Without it, Connect-Dintero
reads DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET.

.PARAMETER BaseUri
The API root, for an emulator (http://127.0.0.1:5080/v1). Default: Dintero's, or $env:DINTERO_BASE_URI.

.PARAMETER CheckoutBaseUri
The checkout API's root, for an emulator (http://127.0.0.1:5080/checkout/v1). Default: Dintero's, or
$env:DINTERO_CHECKOUT_BASE_URI.

.PARAMETER IncludeApprovals
Also checks PartnerCreatesPaymentApproval, which opens a payment approval case on the merchant that no API call
deletes. Without it, that reading is NotChecked.

.EXAMPLE
./tools/Test-DinteroReadings.ps1 -AccountId T11200000 -MerchantId T11200001 -Credential (Get-Credential -UserName 'my-partner-client') | Format-List

Checks every reading but the payment approval, with the partner's client, and shows each row whole.

.EXAMPLE
$rows = ./tools/Test-DinteroReadings.ps1 -MerchantId T11200001 -IncludeApprovals
$rows | Where-Object Outcome -ne Confirmed | Format-List Reading, Module, Outcome, Dintero, Why

With the account and the client from DINTERO_ACCOUNT_ID, DINTERO_CLIENT_ID and DINTERO_CLIENT_SECRET; the approval
check too. Shows what did not hold, or could not be checked.

.OUTPUTS
One object per reading: Reading, Module (what the module reads, and where), Outcome (Confirmed, Contradicted or
NotChecked), Dintero (what Dintero answered: status codes, field names, shapes), Why (for NotChecked). The table
shows Reading, Outcome, Dintero and Why; Format-List or Export-Csv gives all of it.

.NOTES
Needs the Dintero.Connections module (imported by name when it is not loaded: Import-Module ./out/Dintero.Connections
first to use a build). Runs on Windows PowerShell 5.1 and PowerShell 7.
#>
[CmdletBinding()]
[OutputType([pscustomobject])]
param(
    [string] $AccountId = $env:DINTERO_ACCOUNT_ID,

    [Parameter(Mandatory)]
    [string] $MerchantId,

    [pscredential] $Credential,

    [string] $BaseUri,

    [string] $CheckoutBaseUri,

    [switch] $IncludeApprovals
)

# Refusals come first: nothing is imported, connected or sent for an account this script must not touch.
function Stop-Refused([string] $ErrorId, [string] $Message) {
    $record = [System.Management.Automation.ErrorRecord]::new([System.ArgumentException]::new($Message), $ErrorId, 'InvalidArgument', $null)
    $PSCmdlet.ThrowTerminatingError($record)
}
if (-not $AccountId) { Stop-Refused 'Readings.NoPartner' 'Give the partner''s account with -AccountId or DINTERO_ACCOUNT_ID (T and eight digits ending in 00000, e.g. T11200000).' }
$AccountId = $AccountId.Trim()
$MerchantId = $MerchantId.Trim()
foreach ($account in $AccountId, $MerchantId) {
    if ($account -match '^[Pp]') {
        Stop-Refused 'Readings.ProductionAccount' "$account is a production (P) account: this script makes and deletes objects, so it runs against test (T) accounts only."
    }
}
if ($AccountId -cnotmatch '^T\d{3}00000$') {
    Stop-Refused 'Readings.NotAPartner' "$AccountId is not a partner's test account (T, three digits and five zeros, e.g. T11200000): the readings are those of a partner reaching its merchants through the token exchange."
}
if ($MerchantId -cnotmatch '^T\d{8}$' -or $MerchantId -cmatch '00000$') {
    Stop-Refused 'Readings.NotAMerchant' "$MerchantId is not a merchant's test account (T and eight digits, not ending in 00000, e.g. T11200001)."
}

if (-not (Get-Module Dintero.Connections)) { Import-Module Dintero.Connections -ErrorAction Stop }

# What the module reads, reading by reading, in the order the rows are written.
$readings = [ordered]@{
    CheckoutScope                 = 'A client grant for the account with scope admin:checkout lets the client''s own token use the checkout API (ClientScopes.CheckoutAdmin; Dintero''s partner guide writes checkout:admin).'
    ClientSecretField             = 'The create answer holds client_secret at its top level (ApiClientSpec.SecretField); Dintero.Checkout.DotNet''s 2021 client reads it wrapped as {"Client": {...}}.'
    ExchangedTokenReachesCheckout = 'The merchant token from the partner''s exchange reaches the merchant''s checkout API, when the partner''s own client has admin:checkout (ScopedApi.ExchangedTokenCarriesPartnerScopes).'
    ClientIdTaken                 = 'A client_id that is taken is refused with 409, or with a 400 naming client_id (ApiClientSpec.ClientIdTaken).'
    PartnerCreatesPaymentApproval = 'A partner may open a payment approval for its merchant with the merchant token from the exchange (New-DinteroPaymentApproval; docs/openapi/dintero-approvals.yaml).'
    ExchangeAnswer                = 'auth/exchange_token answers a token to trade at POST /accounts/{merchant}/auth/token for the merchant''s token, not the merchant''s token itself (Auth/TokenEndpoints: three calls per merchant); Dintero.Checkout.DotNet describes it as the sub-account''s token.'
    RotatedSecretField            = 'rotate-secret answers the new secret as client_secret at the top level (ApiClientSpec.SecretField).'
    GrantsGoWithClient            = 'A deleted client''s grants are deleted with it (docs/openapi/dintero-clients.yaml; the emulator).'
    PaymentApprovalList           = 'The payment approvals list answers one object, {"payments": [...]} (Get-DinteroPaymentApproval).'
}
$rows = [ordered]@{}
foreach ($reading in $readings.Keys) {
    $rows[$reading] = [pscustomobject]@{ PSTypeName = 'Dintero.Connections.ReadingCheck'; Reading = $reading; Module = $readings[$reading]; Outcome = 'NotChecked'; Dintero = ''; Why = 'Not reached: the run ended before this check.' }
}
$shown = [System.Management.Automation.PSPropertySet]::new('DefaultDisplayPropertySet', [string[]] @('Reading', 'Outcome', 'Dintero', 'Why'))
$standard = [System.Management.Automation.PSMemberSet]::new('PSStandardMembers', [System.Management.Automation.PSMemberInfo[]] @($shown))

function Set-Reading([string] $Name, [string] $Outcome, [string] $Dintero, [string] $Why = '') {
    $rows[$Name].Outcome = $Outcome
    $rows[$Name].Dintero = $Dintero
    $rows[$Name].Why = $Why
}

# One request through the module, as the partner (a merchant's path with the merchant's token from the exchange): its
# status, its answer (ordered hashtables, with secrets as DinteroSecret; -Raw: the JSON text, secrets as "***"), or
# the error record.
function Send([string] $Method = 'GET', [string] $Path, [string] $Account, $Body, [hashtable] $Query, [switch] $Raw, [switch] $All) {
    $status = $null
    $call = @{ Path = $Path; Method = $Method; Context = $partner; StatusCodeVariable = 'status'; ErrorAction = 'Stop' }
    if ($Account) { $call.AccountId = $Account }
    if ($null -ne $Body) { $call.Body = $Body }
    if ($Query) { $call.Query = $Query }
    if ($All) { $call.All = $true }
    if ($Raw) { $call.Raw = $true } else { $call.AsHashtable = $true }
    if ($Method -ne 'GET') { $call.Confirm = $false }
    try {
        $answer = @(Invoke-DinteroRequest @call)
        [pscustomobject]@{ Status = $status; Answer = $answer; Failure = $null }
    }
    catch {
        [pscustomobject]@{ Status = $status; Answer = $null; Failure = $_ }
    }
}

# The status a failure had (0 when none came back).
function Get-FailureStatus($Failure) {
    $exception = $Failure.Exception
    if ($exception.PSObject.Properties['StatusCode']) { [int] $exception.StatusCode } else { 0 }
}

# A failure in words without secrets: Dintero's status, code, the fields it named and its message (which the module
# has redacted), or the module's error id.
function Get-FailureText($Failure) {
    $exception = $Failure.Exception
    if ($exception -is [Dintero.Connections.Errors.DinteroApiException]) {
        $fields = @($exception.AllFieldErrors() | ForEach-Object { $_.Path } | Where-Object { $_ }) -join ', '
        $text = "$($exception.StatusCode)"
        if ($exception.Code) { $text += " $($exception.Code)" }
        if ($fields) { $text += " naming $fields" }
        if ($exception.DinteroMessage) { $text += ": $($exception.DinteroMessage)" }
        return $text
    }
    "$($Failure.FullyQualifiedErrorId): $($exception.Message)"
}

function Get-Plain($Value) {
    if ($Value -is [Dintero.Connections.Models.DinteroSecret]) { $Value.GetPlainText() } else { [string] $Value }
}

# Field names of an answer, with a secret field shown as masked.
function Get-Fields($Dictionary) {
    (@($Dictionary.Keys) | ForEach-Object { if ($Dictionary[$_] -is [Dintero.Connections.Models.DinteroSecret]) { "$_ (***)" } else { $_ } }) -join ', '
}

# Where an API client answer keeps the client: its top level, or {"Client": {...}}.
function Get-ClientPart($Answer) {
    if (@($Answer.Keys) -ccontains 'Client' -and $Answer['Client'] -is [System.Collections.IDictionary]) { $Answer['Client'] } else { $Answer }
}

# The status of one GET with a token the module did not choose (the exchange token by itself), through PowerShell's own
# web cmdlet: the module sends no token it did not fetch for the account named. Only the status is kept.
function Get-StatusWithToken([string] $Uri, [string] $Token) {
    try {
        $answer = Invoke-WebRequest -Uri $Uri -Headers @{ Authorization = "Bearer $Token" } -UseBasicParsing -MaximumRedirection 0 -Verbose:$false -ErrorAction Stop
        [int] $answer.StatusCode
    }
    catch {
        if ($null -ne $_.Exception.Response) { [int] $_.Exception.Response.StatusCode } else { "no answer ($($_.Exception.GetType().Name))" }
    }
}

$stamp = [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss') + '-' + (Get-Random -Maximum 65536).ToString('x4')
$name = "readings-check-$stamp"
$clientsMade = [System.Collections.Generic.List[string]]::new()
$grantsMade = [System.Collections.Generic.List[string]]::new()
$partner = $null
$shop = $null
$stopped = $null

$connect = @{ AccountId = $AccountId; PassThru = $true; ErrorAction = 'Stop' }
if ($Credential) { $connect.Credential = $Credential }
if ($BaseUri) { $connect.BaseUri = $BaseUri }
if ($CheckoutBaseUri) { $connect.CheckoutBaseUri = $CheckoutBaseUri }
$partner = Connect-Dintero @connect
if (-not $partner.IsPartner -or $partner.Environment -ne 'Test') {
    $null = Disconnect-Dintero -Context $partner
    Stop-Refused 'Readings.NotAPartner' "$AccountId connected as a $($partner.Role) in $($partner.Environment): this script needs a partner's test account."
}

# Every check, in turn; what it makes is listed in $clientsMade and $grantsMade, for the end to delete.
function Invoke-Checks {
    # ExchangeAnswer, and whether the merchant is reachable at all: the exchange as the module sends it.
    $exchange = Send -Method POST -Path "/accounts/$AccountId/auth/exchange_token" -Body @{ account_id = $MerchantId }
    if ($exchange.Failure) {
        $why = "The token exchange for $MerchantId was refused ($(Get-FailureText $exchange.Failure)): is it a merchant of partner $AccountId, and does the partner's client have admin:accounts?"
        foreach ($reading in @($readings.Keys)) { Set-Reading $reading 'NotChecked' '' $why }
        return
    }
    $answer = $exchange.Answer[0]
    $fields = Get-Fields $answer
    $token = $answer['access_token']
    if ($null -eq $token -or (Get-Plain $token).Length -eq 0) {
        Set-Reading ExchangeAnswer 'Contradicted' "$($exchange.Status), with no access_token; fields: $fields."
    }
    else {
        $direct = Get-StatusWithToken "$($partner.BaseUri.ToString().TrimEnd('/'))/accounts/$MerchantId/management/settings" (Get-Plain $token)
        $said = "$($exchange.Status) with fields $fields (token_type $($answer['token_type']), expires_in $($answer['expires_in'])); that access_token by itself on GET /accounts/$MerchantId/management/settings: $direct."
        if ($direct -is [int] -and ($direct -eq 401 -or $direct -eq 403)) { Set-Reading ExchangeAnswer 'Confirmed' "$said It is traded for the merchant's token, as the module does." }
        elseif ($direct -is [int] -and $direct -ge 200 -and $direct -lt 300) { Set-Reading ExchangeAnswer 'Contradicted' "$said It is the merchant's token itself: the module's third call per merchant could be saved." }
        else { Set-Reading ExchangeAnswer 'NotChecked' $said 'Neither a refusal (401, 403) nor a success: the use of the token by itself could not be told.' }
    }
    $token = $null

    # ExchangedTokenReachesCheckout: the module's own read, with the merchant's token from the exchange.
    try {
        $read = Get-DinteroPaymentProfile -AccountId $MerchantId -ProfileId default -Context $partner -ErrorAction Stop
        Set-Reading ExchangedTokenReachesCheckout 'Confirmed' "GET $($partner.CheckoutBaseUri)admin/session/profiles/default for $MerchantId, as partner $($AccountId): read (profile_id $($read.profile_id))."
    }
    catch {
        $status = Get-FailureStatus $_
        $said = "GET .../admin/session/profiles/default for $MerchantId, as partner $($AccountId): $(Get-FailureText $_)"
        if ($status -eq 401 -or $status -eq 403) { Set-Reading ExchangedTokenReachesCheckout 'Contradicted' $said 'Refused: unless the partner''s own client lacks admin:checkout, the exchanged token does not carry it.' }
        else { Set-Reading ExchangedTokenReachesCheckout 'NotChecked' $said 'Neither a read nor a refusal of the token.' }
    }

    # PaymentApprovalList: the list's shape, as JSON text.
    $list = Send -Path management/settings/approvals/payments -Account $MerchantId -Raw
    if ($list.Failure) { Set-Reading PaymentApprovalList 'NotChecked' (Get-FailureText $list.Failure) 'The list could not be read.' }
    else {
        $text = ($list.Answer -join "`n").Trim()
        $parsed = if ($text.StartsWith('{')) { ConvertFrom-Json $text } else { $null }
        if ($null -ne $parsed -and $parsed.PSObject.Properties['payments'] -and ($text -match '"payments"\s*:\s*\[')) {
            Set-Reading PaymentApprovalList 'Confirmed' "$($list.Status); one object with fields $(@($parsed.PSObject.Properties.Name) -join ', '); payments holds $(@($parsed.payments).Count) case(s)."
        }
        elseif ($null -ne $parsed) { Set-Reading PaymentApprovalList 'Contradicted' "$($list.Status); one object without a payments list; fields: $(@($parsed.PSObject.Properties.Name) -join ', ')." }
        else { Set-Reading PaymentApprovalList 'Contradicted' "$($list.Status); the answer is not an object (it starts with '$($text.Substring(0, [Math]::Min(1, $text.Length)))')." }
    }

    # ClientSecretField: the throwaway client, made as New-DinteroApiClient makes one.
    $create = Send -Method POST -Path auth/clients -Account $MerchantId -Body @{ name = $name; client_id = $name; description = 'Made and deleted by tools/Test-DinteroReadings.ps1' }
    if ($create.Failure) {
        $why = "The throwaway client could not be made: $(Get-FailureText $create.Failure)."
        foreach ($reading in 'ClientSecretField', 'CheckoutScope', 'ClientIdTaken', 'RotatedSecretField', 'GrantsGoWithClient') { Set-Reading $reading 'NotChecked' '' $why }
    }
    else {
        $answer = $create.Answer[0]
        $client = Get-ClientPart $answer
        $id = [string] $client['id']
        if ($id) { $clientsMade.Add($id) }
        Write-Verbose "Made the throwaway API client $name (id $id) on $MerchantId."
        $secret = $client['client_secret']
        $clientId = Get-Plain $client['client_id']
        if (-not $clientId) { $clientId = $name }
        $hasSecret = $secret -is [Dintero.Connections.Models.DinteroSecret] -and (Get-Plain $secret).Length -gt 0
        if (-not [object]::ReferenceEquals($client, $answer)) {
            Set-Reading ClientSecretField 'Contradicted' "$($create.Status); wrapped as {`"Client`": {...}}, as Dintero.Checkout.DotNet reads it; the client's fields: $(Get-Fields $client)."
        }
        elseif ($hasSecret) { Set-Reading ClientSecretField 'Confirmed' "$($create.Status); client_secret at the top level, not wrapped; fields: $(Get-Fields $answer)." }
        else { Set-Reading ClientSecretField 'Contradicted' "$($create.Status); no client_secret at the top level; fields: $(Get-Fields $answer)." }

        # ClientIdTaken: the same client_id again.
        $again = Send -Method POST -Path auth/clients -Account $MerchantId -Body @{ name = $name; client_id = $clientId; description = 'Made and deleted by tools/Test-DinteroReadings.ps1' }
        if (-not $again.Failure) {
            $second = [string] (Get-ClientPart $again.Answer[0])['id']
            if ($second) { $clientsMade.Add($second) }
            Set-Reading ClientIdTaken 'Contradicted' "$($again.Status): Dintero made a second client with the taken client_id (deleted at the end)."
        }
        else {
            $status = Get-FailureStatus $again.Failure
            $namesClientId = $status -eq 400 -and @($again.Failure.Exception.FieldErrors | Where-Object { $_.Path -eq 'client_id' }).Count -gt 0
            $said = Get-FailureText $again.Failure
            if ($status -eq 409 -or $namesClientId) { Set-Reading ClientIdTaken 'Confirmed' $said }
            elseif ($status -ge 400 -and $status -lt 500) { Set-Reading ClientIdTaken 'Contradicted' "$said (the module takes only a 409, or a 400 naming client_id, as taken)" }
            else { Set-Reading ClientIdTaken 'NotChecked' $said 'Not a refusal of the request: it says nothing about a taken client_id.' }
        }

        # CheckoutScope: the grant, as New-DinteroApiClient gives it, then the client's own token on the checkout API.
        $audience = "$($partner.BaseUri.ToString().TrimEnd('/'))/accounts/$MerchantId"
        $grant = Send -Method POST -Path auth/client-grants -Account $MerchantId -Body @{ client_id = $id; audience = $audience; type = 'client_credentials'; scope = @('admin:checkout') }
        if ($grant.Failure) {
            $status = Get-FailureStatus $grant.Failure
            $namesScope = $status -eq 400 -and @($grant.Failure.Exception.AllFieldErrors() | Where-Object { $_.Path -like 'scope*' }).Count -gt 0
            if ($namesScope) { Set-Reading CheckoutScope 'Contradicted' "Grant: $(Get-FailureText $grant.Failure)" }
            else { Set-Reading CheckoutScope 'NotChecked' "Grant: $(Get-FailureText $grant.Failure)" 'The grant was refused, and not for its scope.' }
        }
        else {
            $made = $grant.Answer[0]
            if ($made['id']) { $grantsMade.Add([string] $made['id']) }
            $said = "Grant: $($grant.Status), scope $(@($made['scope']) -join ' ')"
            if (-not $hasSecret) {
                Set-Reading CheckoutScope 'NotChecked' "$said." 'Without the client''s secret in the create answer, its own token could not be tried on the checkout API.'
            }
            else {
                $shopConnect = @{ AccountId = $MerchantId; Credential = [pscredential]::new($clientId, $secret.ToSecureString()); BaseUri = [string] $partner.BaseUri; PassThru = $true; ErrorAction = 'Stop' }
                if ($partner.CheckoutBaseUri) { $shopConnect.CheckoutBaseUri = [string] $partner.CheckoutBaseUri }
                try { $script:shop = Connect-Dintero @shopConnect }
                catch { Set-Reading CheckoutScope 'NotChecked' "$said; the client's own token request: $(Get-FailureText $_)." 'The client got no token, so the scope could not be tried.' }
                if ($shop) {
                    try {
                        $null = Get-DinteroPaymentProfile -ProfileId default -Context $shop -ErrorAction Stop
                        Set-Reading CheckoutScope 'Confirmed' "$said; the client's own token read $MerchantId's default payment profile."
                    }
                    catch {
                        $status = Get-FailureStatus $_
                        $told = "$said; the client's own token on the default payment profile: $(Get-FailureText $_)"
                        if ($status -eq 401 -or $status -eq 403) { Set-Reading CheckoutScope 'Contradicted' "$told. The grant took the scope, but it does not open the checkout API." }
                        else { Set-Reading CheckoutScope 'NotChecked' $told 'Neither a read nor a refusal of the token.' }
                    }
                    $null = Disconnect-Dintero -Context $shop
                    $script:shop = $null
                }
            }
        }

        # RotatedSecretField.
        $rotated = Send -Method POST -Path "auth/clients/$id/rotate-secret" -Account $MerchantId
        if ($rotated.Failure) { Set-Reading RotatedSecretField 'NotChecked' (Get-FailureText $rotated.Failure) 'The secret could not be rotated.' }
        else {
            $answer = $rotated.Answer[0]
            $part = Get-ClientPart $answer
            if (-not [object]::ReferenceEquals($part, $answer)) { Set-Reading RotatedSecretField 'Contradicted' "$($rotated.Status); wrapped as {`"Client`": {...}}; the client's fields: $(Get-Fields $part)." }
            elseif ($answer['client_secret'] -is [Dintero.Connections.Models.DinteroSecret]) { Set-Reading RotatedSecretField 'Confirmed' "$($rotated.Status); client_secret at the top level; fields: $(Get-Fields $answer)." }
            else { Set-Reading RotatedSecretField 'Contradicted' "$($rotated.Status); no client_secret at the top level; fields: $(Get-Fields $answer)." }
        }

        # GrantsGoWithClient: delete the client, then look for its grants.
        $deleted = Send -Method DELETE -Path "auth/clients/$id" -Account $MerchantId
        if ($deleted.Failure) { Set-Reading GrantsGoWithClient 'NotChecked' "DELETE: $(Get-FailureText $deleted.Failure)" 'The client could not be deleted here (the end of the run tries again).' }
        else {
            $null = $clientsMade.Remove($id)
            Write-Verbose "Deleted the throwaway API client $name (id $id)."
            if ($grantsMade.Count -eq 0) { Set-Reading GrantsGoWithClient 'NotChecked' "DELETE: $($deleted.Status)." 'The client had no grant to look for.' }
            else {
                $grants = Send -Path auth/client-grants -Account $MerchantId -Query @{ client_id = $id } -All
                if ($grants.Failure) { Set-Reading GrantsGoWithClient 'NotChecked' "DELETE: $($deleted.Status); the grants: $(Get-FailureText $grants.Failure)" 'The grants could not be listed.' }
                else {
                    $left = @($grants.Answer | Where-Object { $null -ne $_ -and (Get-Plain $_['client_id']) -eq $id })
                    if ($left.Count -eq 0) {
                        $grantsMade.Clear()
                        Set-Reading GrantsGoWithClient 'Confirmed' "DELETE: $($deleted.Status); the account's grants then hold none of the client's."
                    }
                    else { Set-Reading GrantsGoWithClient 'Contradicted' "DELETE: $($deleted.Status); the account still holds $($left.Count) grant(s) of the deleted client (deleted at the end)." }
                }
            }
        }
    }

    # PartnerCreatesPaymentApproval: opt-in, as the case stays.
    if (-not $IncludeApprovals) {
        Set-Reading PartnerCreatesPaymentApproval 'NotChecked' '' 'Opt-in: -IncludeApprovals opens a payment approval case on the merchant, which no API call deletes.'
    }
    else {
        try { $company = (Get-DinteroAccountSetting -AccountId $MerchantId -Context $partner -ErrorAction Stop).company }
        catch {
            Set-Reading PartnerCreatesPaymentApproval 'NotChecked' "GET /accounts/$MerchantId/management/settings: $(Get-FailureText $_)" 'The merchant''s organization number, which a payment approval names, could not be read.'
            return
        }
        $country = if ($company -and $company.address -and "$($company.address.country)" -cmatch '^[A-Z]{2}$') { $company.address.country } else { 'NO' }
        if (-not ($company -and $company.organization_number)) {
            Set-Reading PartnerCreatesPaymentApproval 'NotChecked' '' "$MerchantId has no organization number in its settings, which a payment approval names: set one with Set-DinteroAccountSetting -AccountId $MerchantId -OrganizationNumber ..."
        }
        else {
            $body = @{
                products            = @(@{ product = 'checkout' })
                payment_methods     = @(@{ payment_method = 'creditcard' })
                country_code        = $country
                organization_number = $company.organization_number
                bank_accounts       = @(@{ bank_account_currency = 'NOK'; payout_currency = 'NOK' })
            }
            $approval = Send -Method POST -Path management/settings/approvals/payments -Account $MerchantId -Body $body
            if (-not $approval.Failure) {
                $case = $approval.Answer[0]
                Set-Reading PartnerCreatesPaymentApproval 'Confirmed' "$($approval.Status): case $($case['id']) ($($case['case_status'])) opened on $MerchantId, which stays."
                Write-Warning "$MerchantId keeps the payment approval case $($case['id']) this run opened: Dintero documents no way to delete one."
            }
            else {
                $status = Get-FailureStatus $approval.Failure
                $said = Get-FailureText $approval.Failure
                if ($status -eq 401 -or $status -eq 403) { Set-Reading PartnerCreatesPaymentApproval 'Contradicted' $said }
                elseif ($status -eq 400) { Set-Reading PartnerCreatesPaymentApproval 'NotChecked' $said 'Dintero refused the body, which does not say whether the partner''s token may open one.' }
                else { Set-Reading PartnerCreatesPaymentApproval 'NotChecked' $said 'Neither an approval opened nor a refusal of the token.' }
            }
        }
    }
}

try {
    Invoke-Checks
}
catch {
    $stopped = $_
    foreach ($row in $rows.Values) { if ($row.Why -like 'Not reached*') { $row.Why = "Not reached: the run stopped ($($_.FullyQualifiedErrorId))." } }
}
finally {
    # Whatever happened: every throwaway client and grant made is deleted, the connections closed.
    if ($shop) { $null = Disconnect-Dintero -Context $shop }
    foreach ($id in @($clientsMade)) {
        $gone = Send -Method DELETE -Path "auth/clients/$id" -Account $MerchantId
        if ($gone.Failure -and (Get-FailureStatus $gone.Failure) -ne 404) {
            Write-Warning "The throwaway API client $id on $MerchantId could not be deleted ($(Get-FailureText $gone.Failure)): Remove-DinteroApiClient -AccountId $MerchantId -Id $id"
        }
    }
    foreach ($id in @($grantsMade)) {
        $gone = Send -Method DELETE -Path "auth/client-grants/$id" -Account $MerchantId
        if ($gone.Failure -and (Get-FailureStatus $gone.Failure) -ne 404) {
            Write-Warning "The throwaway client grant $id on $MerchantId could not be deleted ($(Get-FailureText $gone.Failure)): Invoke-DinteroRequest -Method DELETE -Path auth/client-grants/$id -AccountId $MerchantId"
        }
    }
    if ($partner) { $null = Disconnect-Dintero -Context $partner }
}

foreach ($row in $rows.Values) {
    $row.PSObject.Members.Add($standard)
    $row
}
if ($stopped) { $PSCmdlet.WriteError($stopped) }
