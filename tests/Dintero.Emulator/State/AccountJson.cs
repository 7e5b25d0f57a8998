using System.Text.Json.Nodes;

namespace Dintero.Emulator.State;

/// <summary>An account as Dintero answers with it: the settings' Account, and the partner's ExtendedAccount.</summary>
public static class AccountJson
{
    /// <summary>Dintero's Account: id is the account object's UUID, account_id the T/P id; applicant, company and billing are required.</summary>
    public static JsonObject Settings(AccountStore.Account account)
    {
        lock (account.Gate)
        {
            // Each connection whole, as Dintero's Account has them; PayEx's under its product type.
            var connections = new JsonObject();
            foreach (var (kind, connection) in account.Connections)
            {
                connections[kind] = kind == "payex" ? new JsonObject { ["creditcard"] = connection.DeepClone() } : connection.DeepClone();
            }
            var settings = new JsonObject
            {
                ["id"] = account.Uuid,
                ["account_id"] = account.Id,
                ["livemode"] = account.Id.StartsWith('P'),
                ["active"] = true,
                ["created_at"] = account.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
                ["applicant"] = account.Applicant.DeepClone(),
                ["company"] = account.Company.DeepClone(),
                ["billing"] = account.Billing?.DeepClone() ?? new JsonObject { ["business_name"] = account.Company["business_name"]?.DeepClone(), ["address"] = account.Company["address"]?.DeepClone() },
                ["connections"] = connections,
            };
            // Dintero's example gives the partner as its short id: T112 for the merchants of T11200000.
            if (account.PartnerId != null) settings["partner_id"] = account.PartnerId[..4];
            return settings;
        }
    }

    /// <summary>The partner's view of a merchant (ExtendedAccount): the Account, with what only the partner sees.</summary>
    public static JsonObject Extended(AccountStore.Account account) => Settings(account);
}
