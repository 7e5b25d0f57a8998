using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// Every ErrorId the module writes, what each means, and the fixed advice that goes with it: the one catalogue, as
    /// Graph's ErrorConstants is. A script tells errors apart by these (<c>$error[0].FullyQualifiedErrorId</c>, a report's
    /// <c>error_id</c>), so they are kept here and nowhere else; a test holds every exception's ErrorId to this list, and
    /// docs/guides/proxies-and-errors.md to its meanings.
    /// </summary>
    public static class ErrorIds
    {
        public const string ValidationFailed = "Dintero.ValidationFailed";
        public const string NotConnected = "Dintero.NotConnected";
        public const string NotPartner = "Dintero.NotPartner";
        public const string CredentialsRefused = "Dintero.Access.CredentialsRefused";
        public const string NotPartnerMerchant = "Dintero.Access.NotPartnerMerchant";
        public const string MissingScope = "Dintero.Access.MissingScope";
        public const string OtherAccount = "Dintero.Access.OtherAccount";
        public const string ProxyAuthenticationRequired = "Dintero.Proxy.AuthenticationRequired";
        public const string ProxyUnreachable = "Dintero.Proxy.Unreachable";
        public const string OutcomeUnknown = "Dintero.Transport.OutcomeUnknown";
        public const string NotSent = "Dintero.Transport.NotSent";
        public const string NotStored = "Dintero.Transport.NotStored";
        public const string Throttled = "Dintero.Throttled";
        public const string Redirected = "Dintero.Redirected";
        public const string RollbackUndone = "Dintero.Rollback.Undone";
        public const string RollbackLeftBehind = "Dintero.Rollback.LeftBehind";
        public const string WaitTimedOut = "Dintero.Wait.TimedOut";
        public const string WaitNothing = "Dintero.Wait.NotFound";
        public const string Stopped = "Dintero.Stopped";
        public const string Unexpected = "Dintero.Unexpected";

        /// <summary>Dintero's own error answers: <c>Dintero.Api.{status}</c>, then <c>.{code}</c> when Dintero gave one.</summary>
        public const string ApiPrefix = "Dintero.Api.";

        /// <summary>A wait that ended on a status other than the one waited for: <c>Dintero.Wait.{status}</c> (failed, declined).</summary>
        public const string WaitPrefix = "Dintero.Wait.";

        /// <summary>What each ErrorId means, in the order the guide lists them.</summary>
        public static readonly IReadOnlyList<KeyValuePair<string, string>> Meanings = new[]
        {
            Meaning(ValidationFailed, "Bad input: every problem named with its field path; nothing was sent for the row."),
            Meaning(ApiPrefix + "{status}[.{code}]", "Dintero refused the request: its message and field errors are in the error."),
            Meaning(NotConnected, "No session: run Connect-Dintero, or pass a context with -Context. Ends the command."),
            Meaning(NotPartner, "A partner's command (its merchants, invitations, the whole book) asked of an account that is no partner. Ends the command."),
            Meaning(CredentialsRefused, "Dintero refused the API client's id or secret. Ends the command."),
            Meaning(NotPartnerMerchant, "The account is not one of the connected partner's merchants: that row fails, the others go on."),
            Meaning(MissingScope, "The credential's grant lacks the scope the call needs. Ends the command: every row lacks it alike."),
            Meaning(OtherAccount, "A merchant's own credential reaches its own account only."),
            Meaning(ProxyAuthenticationRequired, "The proxy answered 407. Ends the command."),
            Meaning(ProxyUnreachable, "The proxy could not be reached: nothing reached Dintero. Ends the command."),
            Meaning(OutcomeUnknown, "The answer was lost and what was asked may have been done: it was not sent again. Read it back before sending it again."),
            Meaning(NotSent, "The request never reached Dintero: send it again."),
            Meaning(NotStored, "The answer was lost, and reading back showed it was not stored: the same input run again sends it."),
            Meaning(Throttled, "Dintero kept answering 429, or asked for a wait longer than -MaxRetryAfter: run the rest later."),
            Meaning(Redirected, "A redirect, which is never followed (only Dintero's own answers count). Ends the command."),
            Meaning(RollbackUndone, "The second step of a two-step change failed and the first was undone (an API client whose grant failed was deleted)."),
            Meaning(RollbackLeftBehind, "The second step failed and undoing the first failed too: the error names what to remove."),
            Meaning(WaitTimedOut, "The wait's -Timeout passed before the status came."),
            Meaning(WaitNothing, "There was nothing to wait for: the account has no such approval case."),
            Meaning(WaitPrefix + "{status}", "The wait ended on another final status: a connection failed or declined, a case DECLINED, TERMINATED, ERROR or ARCHIVED."),
            Meaning(Stopped, "In a report: the command was stopped while the row was on its way; it may have reached Dintero."),
            Meaning(Unexpected, "Something the module did not foresee; the error holds what is known, with no secret in it."),
        };

        /// <summary>Whether the module writes <paramref name="errorId"/>: one of the catalogue, or of its two families.</summary>
        public static bool IsKnown(string? errorId) =>
            errorId != null && (Meanings.Any(pair => pair.Key == errorId)
                || errorId.StartsWith(ApiPrefix, StringComparison.Ordinal) && errorId.Length > ApiPrefix.Length && char.IsDigit(errorId[ApiPrefix.Length])
                || errorId.StartsWith(WaitPrefix, StringComparison.Ordinal) && errorId.Length > WaitPrefix.Length);

        /// <summary>The fixed advice of the errors that always say the same (the others' advice depends on the case).</summary>
        public static class Advice
        {
            public const string ValidationFailed = "Correct the fields named above; nothing was sent to Dintero.";
            public const string CredentialsRefused = "Check the API client in Dintero's Backoffice (Settings > API clients), then run Connect-Dintero again.";
            public const string ConnectPartner = "Connect-Dintero -AccountId T11200000 -Credential (Get-Credential)";
            public const string Connect = "Connect-Dintero -AccountId T12345678 -Credential (Get-Credential)";
            public const string ProxyCredential = "Connect-Dintero again with -ProxyCredential (or -ProxyUseDefaultCredentials on Windows), or check the user name and password in the proxy's address.";
            public const string ProxyAddress = "Check the proxy's address (Get-DinteroContext shows it, from -Proxy, $env:HTTPS_PROXY or the system), or Connect-Dintero -NoProxy to go directly.";
        }

        private static KeyValuePair<string, string> Meaning(string errorId, string meaning) => new KeyValuePair<string, string>(errorId, meaning);
    }
}
