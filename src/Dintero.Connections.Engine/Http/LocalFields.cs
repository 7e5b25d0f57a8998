using System.Collections;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// The fields the module fills in on Dintero's answers (<see cref="LocalFieldAttribute"/>), in one place: what the
    /// URL said (the account, the partner) and what is read off the answer (each connection kind's status), so that output
    /// piped onward binds by property name.
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
                case IList list:
                    foreach (var item in list) Fill(item, accountId);
                    break;
            }
        }
    }
}
