using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.State;

/// <summary>Each account's company and connections, as JSON, kept in memory for the emulator's lifetime.</summary>
public sealed class AccountStore
{
    private readonly ConcurrentDictionary<string, Account> accounts = new(StringComparer.Ordinal);

    public sealed class Account
    {
        public Account(string id) => Id = id;

        public string Id { get; }

        /// <summary>The account object's own identifier, as Dintero gives it in <c>id</c>.</summary>
        public string Uuid { get; } = Guid.NewGuid().ToString();

        public JsonObject Company { get; set; } = new()
        {
            ["business_name"] = "Emulated Merchant AS",
            ["address"] = new JsonObject { ["address_line"] = "Storgata 1", ["postal_code"] = "0155", ["postal_place"] = "Oslo", ["country"] = "NO" },
        };

        public ConcurrentDictionary<string, JsonObject> Connections { get; } = new(StringComparer.Ordinal);

        public object Gate { get; } = new();
    }

    public Account Get(string accountId) => accounts.GetOrAdd(accountId, id => new Account(id));

    public void SetOrganizationNumber(string accountId, string organizationNumber)
    {
        var account = Get(accountId);
        lock (account.Gate) account.Company["organization_number"] = organizationNumber;
    }
}
