using System.Collections;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// The fields the module fills in on Dintero's answers (<see cref="LocalFieldAttribute"/>), in one place: what the
    /// URL said (the account, the partner) and what is read off the answer (each connection kind's status, a profile's
    /// switched-on payment types, a delivery's event), so that output piped onward binds by property name.
    /// </summary>
    internal static class LocalFields
    {
        /// <param name="answer">What Dintero answered (a model, or a list of them).</param>
        /// <param name="accountId">The account in the request's URL.</param>
        public static void Fill(object? answer, string accountId)
        {
            switch (answer)
            {
                case Connection connection: connection.account_id = accountId; break;
                case CommonSignupLink link: link.account_id = accountId; break;
                // Sent on the partner's account: the partner it is from.
                case MerchantInvite invite: invite.partner_id = accountId; break;
                // A partner's merchant, or an account's own settings: its connections' statuses by kind.
                case Account account: account.connection_status = ConnectionKinds.StatusesIn(account.connections); break;
                case ApiClient apiClient: apiClient.account_id = accountId; break;
                case ClientGrant grant: grant.account_id = accountId; break;
                case WebhookSubscription hook: hook.account_id = accountId; break;
                case PaymentApproval approval: approval.account_id = accountId; break;
                case PayoutDestination seller: seller.account_id = accountId; break;
                case PaymentApprovalList approvals: Fill(approvals.payments, accountId); break;
                case PayoutDestinationList sellers: Fill(sellers.payout_destinations, accountId); break;
                case WebhookDelivery delivery:
                    delivery.account_id = accountId;
                    // The event it delivered, from the request's headers (the list has none of it).
                    delivery.@event = delivery.request != null && delivery.request.TryGetValue("headers", out var headers) && headers is System.Collections.Generic.IDictionary<string, object?> named
                        && named.TryGetValue("event", out var name) ? name as string : null;
                    break;
                // On the checkout API the account is the token's; its switched-on types are read off the configuration.
                case PaymentProfile profile:
                    profile.account_id = accountId;
                    profile.enabled_types = Checkout.PaymentTypes.SwitchedOn(profile.configuration);
                    break;
                case IList list:
                    foreach (var item in list) Fill(item, accountId);
                    break;
            }
        }
    }
}
