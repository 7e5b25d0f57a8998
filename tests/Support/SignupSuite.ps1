# The header of the suites that send signups with personal numbers in them (Signups.Tests.ps1, Streams.Tests.ps1),
# dot-sourced in their BeforeAll: Suite.ps1, every New-Dintero*Connection forced, a context of the partner's for its
# merchants, and the social security and bank account numbers the tests send and then look for where none may show.

# These tests sign the same accounts up again and again, for what each shows; a re-run that skips existing
# connections, the default, is tests/Reruns.Tests.ps1's.
$PSDefaultParameterValues['New-Dintero*Connection:Force'] = $true
. (Join-Path $PSScriptRoot 'Suite.ps1')
$script:partnerContext = Connect-Dintero @partner -PassThru
$script:ssn = '01019012345'
$script:bankAccount = '15036012345'
