using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.State;

/// <summary>
/// Each account's company, applicant and connections, and which partner it belongs to, kept in memory for the
/// emulator's lifetime; a partner's pending invitations (prefilled signups) too.
/// </summary>
public sealed class AccountStore
{
    private readonly ConcurrentDictionary<string, Account> accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Invitation> invitations = new(StringComparer.Ordinal);
    private readonly object joining = new();

    public AccountStore(EmulatorOptions options)
    {
        foreach (var (clientId, client) in options.Clients) AddApiClient(client.AccountId, clientId, "Configured client");
        foreach (var (partner, merchants) in options.Partners)
        {
            Get(partner);
            foreach (var merchant in merchants) Get(merchant).PartnerId = partner;
        }
    }

    public sealed class Account
    {
        public Account(string id) => Id = id;

        public string Id { get; }

        /// <summary>The account object's own identifier, as Dintero gives it in <c>id</c>.</summary>
        public string Uuid { get; } = Guid.NewGuid().ToString();

        /// <summary>The partner account it belongs to, if any.</summary>
        public string? PartnerId { get; set; }

        public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

        public JsonObject Company { get; set; } = new()
        {
            ["business_name"] = "Emulated Merchant AS",
            ["address"] = new JsonObject { ["address_line"] = "Storgata 1", ["postal_code"] = "0155", ["postal_place"] = "Oslo", ["country"] = "NO" },
        };

        public JsonObject Applicant { get; set; } = new() { ["email"] = "applicant@example.com", ["agreement"] = new JsonObject { ["name"] = "terms", ["version"] = "1" } };

        /// <summary>Null: billed at the company's name and address.</summary>
        public JsonObject? Billing { get; set; }

        public ConcurrentDictionary<string, JsonObject> Connections { get; } = new(StringComparer.Ordinal);

        /// <summary>The account's API clients as <c>auth/clients</c> lists them (without secrets), oldest first; guarded by <see cref="Gate"/>.</summary>
        public List<JsonObject> ApiClients { get; } = new();

        /// <summary>The PayEx overrides last put (<c>payex/overrides</c>), if any.</summary>
        public JsonObject? PayExOverrides { get; set; }

        public object Gate { get; } = new();
    }

    /// <summary>A partner's prefilled signup, waiting for the applicant to accept it.</summary>
    public sealed record Invitation(string PrefillId, string PartnerId, JsonObject Body)
    {
        public string? AcceptedAs { get; set; }
    }

    public Account Get(string accountId) => accounts.GetOrAdd(accountId, id => new Account(id));

    /// <summary>Adds an API client to the account's list, as Dintero's <c>auth/clients</c> shows it; returns it.</summary>
    public JsonObject AddApiClient(string accountId, string clientId, string name, string? description = null, JsonArray? callbacks = null)
    {
        var account = Get(accountId);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var client = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["created_at"] = now,
            ["created_by"] = "emulator",
            ["updated_at"] = now,
            ["name"] = name,
            ["client_id"] = clientId,
        };
        if (description != null) client["description"] = description;
        if (callbacks != null) client["callbacks"] = callbacks.DeepClone();
        lock (account.Gate) account.ApiClients.Add(client);
        return client;
    }

    public bool IsMerchantOf(string partnerId, string accountId) => accounts.TryGetValue(accountId, out var account) && account.PartnerId == partnerId;

    /// <summary>The partner's merchants, by account id.</summary>
    public IReadOnlyList<Account> MerchantsOf(string partnerId) =>
        accounts.Values.Where(account => account.PartnerId == partnerId).OrderBy(account => account.Id, StringComparer.Ordinal).ToList();

    public void SetOrganizationNumber(string accountId, string organizationNumber)
    {
        var account = Get(accountId);
        lock (account.Gate) account.Company["organization_number"] = organizationNumber;
    }

    public Invitation Invite(string partnerId, JsonObject body)
    {
        var invitation = new Invitation(Guid.NewGuid().ToString("N"), partnerId, body);
        invitations[invitation.PrefillId] = invitation;
        return invitation;
    }

    public IReadOnlyList<Invitation> InvitationsOf(string partnerId) => invitations.Values.Where(invitation => invitation.PartnerId == partnerId).ToList();

    public Invitation? FindInvitation(string prefillId) => invitations.TryGetValue(prefillId, out var invitation) ? invitation : null;

    /// <summary>
    /// A new merchant joins the partner, as when an applicant accepts an invitation or signs up through the partner's
    /// onboarding link: the next free id after the partner's, with the applicant (and its signup_reference), company and
    /// billing given.
    /// </summary>
    public Account Join(string partnerId, JsonObject? applicant, JsonObject? company, JsonObject? billing)
    {
        lock (joining)
        {
            var taken = accounts.Keys.Where(id => id.Length == 9 && id.StartsWith(partnerId[..4], StringComparison.Ordinal) && id != partnerId)
                .Select(id => int.Parse(id[4..])).DefaultIfEmpty(0).Max();
            var account = Get(partnerId[..4] + (taken + 1).ToString("00000"));
            account.PartnerId = partnerId;
            if (applicant != null) account.Applicant = (JsonObject)applicant.DeepClone();
            if (company != null) account.Company = (JsonObject)company.DeepClone();
            if (billing != null) account.Billing = (JsonObject)billing.DeepClone();
            return account;
        }
    }
}
