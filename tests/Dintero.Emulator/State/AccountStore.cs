using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.State;

/// <summary>
/// Each account's company, applicant and connections, and which partner it belongs to, kept in memory for the
/// emulator's lifetime; a partner's pending invitations (prefilled signups) too; and what goes live with a merchant: its
/// API clients and their grants, its checkout's payment profiles and its webhook subscriptions.
/// </summary>
public sealed class AccountStore
{
    private readonly ConcurrentDictionary<string, Account> accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Invitation> invitations = new(StringComparer.Ordinal);
    private readonly object joining = new();
    private readonly ConcurrentDictionary<string, CreatedClient> createdClients = new(StringComparer.Ordinal);

    private readonly EmulatorOptions options;

    public AccountStore(EmulatorOptions options)
    {
        this.options = options;
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

        /// <summary>The grants of the account's API clients (<c>auth/client-grants</c>), oldest first; guarded by <see cref="Gate"/>.</summary>
        public List<JsonObject> Grants { get; } = new();

        /// <summary>The checkout's payment profiles by profile_id, oldest first (<c>default</c> made on first use); guarded by <see cref="Gate"/>.</summary>
        public List<JsonObject> Profiles { get; } = new();

        /// <summary>The webhook subscriptions, oldest first; guarded by <see cref="Gate"/>.</summary>
        public List<Hook> Hooks { get; } = new();

        public object Gate { get; } = new();
    }

    /// <summary>A webhook subscription: what Dintero answers with, the secret it signs deliveries with (never answered), its deliveries.</summary>
    public sealed class Hook
    {
        public Hook(JsonObject subscription, string? secret)
        {
            Subscription = subscription;
            Secret = secret;
        }

        public string Id => Subscription["id"]!.GetValue<string>();

        public JsonObject Subscription { get; }

        public string? Secret { get; }

        /// <summary>Newest last.</summary>
        public List<JsonObject> Deliveries { get; } = new();

        public int FailuresInARow { get; set; }
    }

    /// <summary>An API client made through the API: the account it belongs to, its id (a UUID) and its current secret.</summary>
    public sealed class CreatedClient
    {
        public CreatedClient(string accountId, string uuid, string clientId, string secret)
        {
            AccountId = accountId;
            Uuid = uuid;
            ClientId = clientId;
            Secret = secret;
        }

        public string AccountId { get; }

        public string Uuid { get; }

        public string ClientId { get; }

        public string Secret { get; set; }
    }

    /// <summary>A partner's prefilled signup, waiting for the applicant to accept it.</summary>
    public sealed record Invitation(string PrefillId, string PartnerId, JsonObject Body)
    {
        public string? AcceptedAs { get; set; }
    }

    public Account Get(string accountId) => accounts.GetOrAdd(accountId, id => new Account(id));

    /// <summary>Every account the emulator holds, by id.</summary>
    public IReadOnlyList<Account> All => accounts.Values.OrderBy(account => account.Id, StringComparer.Ordinal).ToList();

    /// <summary>Adds an API client to the account's list, as Dintero's <c>auth/clients</c> shows it; returns it.</summary>
    public JsonObject AddApiClient(string accountId, string clientId, string name, string? description = null, JsonArray? callbacks = null)
    {
        var account = Get(accountId);
        var now = Timestamp(options.Clock.GetUtcNow());
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

    /// <summary>Registers a client made through the API with its secret, so it can get tokens; false when its client_id is taken.</summary>
    public bool AddCreatedClient(CreatedClient client) => createdClients.TryAdd(client.ClientId, client);

    /// <summary>A client made through the API, by its client_id; null when there is none (or it was deleted).</summary>
    public CreatedClient? FindCreatedClient(string clientId) => createdClients.TryGetValue(clientId, out var client) ? client : null;

    /// <summary>Forgets a deleted client: its credentials stop working.</summary>
    public void RemoveCreatedClient(string clientId) => createdClients.TryRemove(clientId, out _);

    /// <summary>Dintero's timestamps, to the millisecond.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

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
