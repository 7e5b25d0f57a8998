using System;

namespace Dintero.Connections.Errors
{
    /// <summary>Why an account could not be reached with the connected client.</summary>
    public enum DinteroAccessFailure
    {
        /// <summary>Dintero refused the client's own credentials (wrong secret, or the client was deleted or revoked): nothing can run.</summary>
        CredentialsRefused,

        /// <summary>The account is not one of the connected partner's merchants: the token exchange was refused for it alone.</summary>
        NotPartnerMerchant,

        /// <summary>The connected client belongs to another account, and is no partner: it reaches its own account only.</summary>
        OtherAccount,

        /// <summary>What only a partner does (its merchants, invitations, onboarding links) was asked of an account that is no partner.</summary>
        NotPartner,

        /// <summary>The token was good, but lacks the scope the call needs (a checkout or hooks scope): Dintero answered 403.</summary>
        MissingScope,

        /// <summary>No context to call with: Connect-Dintero was not run (or failed), or the context was closed.</summary>
        NotConnected,
    }

    /// <summary>
    /// A token for an account could not be had: the client's credentials were refused, or the account is not one the
    /// client may reach. Dintero's own answer is the <see cref="Exception.InnerException"/>.
    /// </summary>
    public sealed class DinteroAccessException : DinteroException
    {
        public DinteroAccessException(DinteroAccessFailure failure, string accountId, string connectedAccountId, string message, DinteroApiException? answer)
            : this(failure, accountId, connectedAccountId, message, advice: null, answer)
        {
        }

        /// <summary>With advice: what to do about it, kept apart from the description (the ErrorRecord's recommended action).</summary>
        public DinteroAccessException(DinteroAccessFailure failure, string accountId, string connectedAccountId, string message, string? advice, DinteroApiException? answer)
            : base(message, advice, answer, trace: null)
        {
            Failure = failure;
            AccountId = accountId;
            ConnectedAccountId = connectedAccountId;
        }

        public DinteroAccessFailure Failure { get; }

        /// <summary>The account a token was wanted for.</summary>
        public string AccountId { get; }

        /// <summary>The account the client is connected to (a partner's or a merchant's own).</summary>
        public string ConnectedAccountId { get; }

        /// <summary>Dintero's answer to the token request, when there was one.</summary>
        public DinteroApiException? Answer => InnerException as DinteroApiException;

        public override string ErrorId => Failure switch
        {
            DinteroAccessFailure.CredentialsRefused => ErrorIds.CredentialsRefused,
            DinteroAccessFailure.NotPartnerMerchant => ErrorIds.NotPartnerMerchant,
            DinteroAccessFailure.NotPartner => ErrorIds.NotPartner,
            DinteroAccessFailure.MissingScope => ErrorIds.MissingScope,
            DinteroAccessFailure.NotConnected => ErrorIds.NotConnected,
            _ => ErrorIds.OtherAccount,
        };
    }
}
