using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.State;

/// <summary>
/// Each account's company, applicant and connections, and which partner it belongs to, kept in memory for the
/// emulator's lifetime; a partner's pending invitations (prefilled signups) too; and what goes live with a merchant: its
/// API clients and their grants, its checkout's payment profiles and its webhook subscriptions.
/// </summary>
/// <remarks>
/// What a request costs here does not grow with the accounts held: each partner's merchants are kept in a book of their
/// own, in the order they joined (their ids' order), with each one's position by its id and UUID, so that a page of them
/// costs its length (<see cref="MerchantPage"/>), and a merchant joins at the end of it (<see cref="Join"/>).
/// </remarks>
public sealed class AccountStore
{
    private readonly ConcurrentDictionary<string, Account> accounts;
    private readonly ConcurrentDictionary<string, MerchantBook> books = new(StringComparer.Ordinal);

    /// <summary>The highest account number under each prefix (T112 for T112xxxxx), the partner's own 00000 aside: where <see cref="Join"/> goes on.</summary>
    private readonly ConcurrentDictionary<string, int> highestUnderPrefix = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Invitation> invitations = new(StringComparer.Ordinal);
    private readonly object joining = new();
    private readonly ConcurrentDictionary<string, CreatedClient> createdClients = new(StringComparer.Ordinal);
    private long merchantsExamined;

    private readonly EmulatorOptions options;

    public AccountStore(EmulatorOptions options)
    {
        this.options = options;
        // Sized for the accounts the options name, so that a partner's whole book goes in without growing it again and again.
        var named = options.Partners.Sum(partner => partner.Value.Count + 1) + options.Clients.Count;
        accounts = new ConcurrentDictionary<string, Account>(Environment.ProcessorCount, Math.Max(31, named), StringComparer.Ordinal);
        foreach (var (clientId, client) in options.Clients) AddApiClient(client.AccountId, clientId, "Configured client");
        foreach (var (partner, merchants) in options.Partners)
        {
            Get(partner);
            foreach (var merchant in merchants) Get(merchant).PartnerId = partner;
        }
        // Each partner's book: its merchants by id (a merchant named twice is there once; one named by two partners is the
        // last one's).
        foreach (var (partner, merchants) in options.Partners)
        {
            var own = merchants.Select(Get).Where(account => account.PartnerId == partner).ToList();
            if (!IsInIdOrder(own)) own.Sort((one, other) => string.CompareOrdinal(one.Id, other.Id));
            var book = Book(partner);
            foreach (var account in own) book.Add(account);
        }
    }

    /// <summary>
    /// How many merchants the partner's list (<c>GET .../management/accounts</c>) has examined so far: each merchant of a page,
    /// and with a filter each one it matched on its way (the cursor's too). A test reads it to see a page cost its length.
    /// </summary>
    public long MerchantsExamined => Interlocked.Read(ref merchantsExamined);

    public sealed class Account
    {
        // The company, applicant and connections are made when first used: a partner of 100,000 merchants starts at once.
        private JsonObject? company;
        private JsonObject? applicant;
        private ConcurrentDictionary<string, JsonObject>? connections;

        public Account(string id) => Id = id;

        public string Id { get; }

        /// <summary>The account object's own identifier, as Dintero gives it in <c>id</c>.</summary>
        public string Uuid { get; } = Guid.NewGuid().ToString();

        /// <summary>The partner account it belongs to, if any; set by the store, which keeps the partner's book of merchants.</summary>
        public string? PartnerId { get; internal set; }

        public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

        public JsonObject Company
        {
            get => company ?? LazyInitializer.EnsureInitialized(ref company, () => new JsonObject
            {
                ["business_name"] = "Emulated Merchant AS",
                ["address"] = new JsonObject { ["address_line"] = "Storgata 1", ["postal_code"] = "0155", ["postal_place"] = "Oslo", ["country"] = "NO" },
            });
            set => company = value;
        }

        public JsonObject Applicant
        {
            get => applicant ?? LazyInitializer.EnsureInitialized(ref applicant, () => new JsonObject { ["email"] = "applicant@example.com", ["agreement"] = new JsonObject { ["name"] = "terms", ["version"] = "1" } });
            set => applicant = value;
        }

        /// <summary>Null: billed at the company's name and address.</summary>
        public JsonObject? Billing { get; set; }

        public ConcurrentDictionary<string, JsonObject> Connections =>
            connections ?? LazyInitializer.EnsureInitialized(ref connections, () => new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal));

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

    public Account Get(string accountId)
    {
        if (accounts.TryGetValue(accountId, out var account)) return account;
        account = accounts.GetOrAdd(accountId, id => new Account(id));
        NoteNumber(accountId);
        return account;
    }

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

    /// <summary>The partner's merchants, by account id (the order they joined).</summary>
    public IReadOnlyList<Account> MerchantsOf(string partnerId)
    {
        if (!books.TryGetValue(partnerId, out var book)) return Array.Empty<Account>();
        var (items, count, _) = book.Find(null);
        return new ArraySegment<Account>(items, 0, count).ToArray();
    }

    /// <summary>
    /// A page of the partner's merchants, in the order they joined (their ids' order), as Dintero pages a list filtered
    /// first: the first <paramref name="limit"/> that <paramref name="filter"/> takes (every one without a filter) after the
    /// merchant <paramref name="startingAfter"/> names (its <c>id</c>, a UUID, or its account_id; null or empty: from the
    /// first). A cursor that names none of the partner's merchants, or one the filter does not take, is past the end: no
    /// merchants. Costs the page's length; with a filter, the merchants it examines from the cursor on until it has
    /// <paramref name="limit"/>, each examined once (<see cref="MerchantsExamined"/>).
    /// </summary>
    public IReadOnlyList<Account> MerchantPage(string partnerId, string? startingAfter, int limit, Func<Account, bool>? filter)
    {
        if (!books.TryGetValue(partnerId, out var book)) return Array.Empty<Account>();
        var (items, count, cursor) = book.Find(startingAfter);
        var examined = 0L;
        var start = 0;
        if (!string.IsNullOrEmpty(startingAfter))
        {
            if (cursor < 0) return Array.Empty<Account>();
            if (filter != null)
            {
                examined++;
                if (!filter(items[cursor]))
                {
                    Interlocked.Add(ref merchantsExamined, examined);
                    return Array.Empty<Account>();
                }
            }
            start = cursor + 1;
        }
        var page = new List<Account>(Math.Max(0, Math.Min(limit, count - start)));
        for (var i = start; i < count && page.Count < limit; i++)
        {
            examined++;
            if (filter == null || filter(items[i])) page.Add(items[i]);
        }
        Interlocked.Add(ref merchantsExamined, examined);
        return page;
    }

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
    /// onboarding link: the next free id after the partner's (after the highest under its prefix), with the applicant (and
    /// its signup_reference), company and billing given. Past T..99999 the ids go on in the following prefixes, as
    /// <see cref="EmulatorOptions.AddPartner"/> has them, skipping partner ids and ids taken.
    /// </summary>
    public Account Join(string partnerId, JsonObject? applicant, JsonObject? company, JsonObject? billing)
    {
        lock (joining)
        {
            var prefix = partnerId[..4];
            var highest = highestUnderPrefix.TryGetValue(prefix, out var number) ? number : 0;
            var id = highest < 99_999 ? prefix + (highest + 1).ToString("00000", CultureInfo.InvariantCulture) : NextPastPrefix(partnerId);
            var account = Get(id);
            account.PartnerId = partnerId;
            if (applicant != null) account.Applicant = (JsonObject)applicant.DeepClone();
            if (company != null) account.Company = (JsonObject)company.DeepClone();
            if (billing != null) account.Billing = (JsonObject)billing.DeepClone();
            Book(partnerId).Add(account);
            return account;
        }
    }

    // The partner's prefix is full: the next free id after its last merchant (or after T..99999), not a partner's.
    private string NextPastPrefix(string partnerId)
    {
        var letter = partnerId[..1];
        var last = books.TryGetValue(partnerId, out var book) ? book.Last : null;
        var next = Math.Max(last == null ? 0 : Number(last.Id), Number(partnerId) + 99_999) + 1;
        for (; next <= 99_999_999; next++)
        {
            if (next % 100_000 == 0) continue;
            var id = letter + next.ToString("00000000", CultureInfo.InvariantCulture);
            if (!accounts.ContainsKey(id)) return id;
        }
        throw new InvalidOperationException($"{partnerId} cannot have more merchants: the account ids have run out.");
    }

    private static int Number(string accountId) => int.Parse(accountId.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);

    // Keeps the highest number under the id's prefix, for Join: ids of a letter and eight digits, partner ids (00000) aside.
    private void NoteNumber(string accountId)
    {
        if (accountId.Length != 9 || (accountId[0] != 'T' && accountId[0] != 'P')) return;
        for (var i = 1; i < 9; i++)
        {
            if (!char.IsAsciiDigit(accountId[i])) return;
        }
        var number = int.Parse(accountId.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (number == 0) return;
        highestUnderPrefix.AddOrUpdate(accountId[..4], number, (_, highest) => Math.Max(highest, number));
    }

    private MerchantBook Book(string partnerId) => books.GetOrAdd(partnerId, _ => new MerchantBook());

    private static bool IsInIdOrder(List<Account> merchants)
    {
        for (var i = 1; i < merchants.Count; i++)
        {
            if (string.CompareOrdinal(merchants[i - 1].Id, merchants[i].Id) >= 0) return false;
        }
        return true;
    }

    /// <summary>
    /// A partner's merchants in the order they joined (their ids' order), and each one's position by its account id and its
    /// UUID. Appending keeps the array a reader took: it only writes past the count that reader saw, or makes a new array.
    /// </summary>
    private sealed class MerchantBook
    {
        private readonly object gate = new();
        private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
        private Account[] items = new Account[4];
        private int count;

        public Account? Last
        {
            get { lock (gate) return count == 0 ? null : items[count - 1]; }
        }

        public void Add(Account account)
        {
            lock (gate)
            {
                if (positions.ContainsKey(account.Id)) return;
                if (count == 0 || string.CompareOrdinal(items[count - 1].Id, account.Id) < 0)
                {
                    if (count == items.Length) Array.Resize(ref items, count * 2);
                    items[count] = account;
                    positions[account.Id] = count;
                    positions[account.Uuid] = count;
                    count++;
                    return;
                }
                // Never with the emulator's own ids, which only go up: put where its id goes, in a new array.
                var at = 0;
                while (at < count && string.CompareOrdinal(items[at].Id, account.Id) < 0) at++;
                var copy = new Account[Math.Max(items.Length, count + 1)];
                Array.Copy(items, copy, at);
                copy[at] = account;
                Array.Copy(items, at, copy, at + 1, count - at);
                items = copy;
                count++;
                positions.Clear();
                for (var i = 0; i < count; i++)
                {
                    positions[items[i].Id] = i;
                    positions[items[i].Uuid] = i;
                }
            }
        }

        /// <summary>The merchants as they stand (the first <c>Count</c> of <c>Items</c>), and the cursor's position: -1 when it names none of them.</summary>
        public (Account[] Items, int Count, int Cursor) Find(string? cursor)
        {
            lock (gate)
            {
                if (string.IsNullOrEmpty(cursor)) return (items, count, -1);
                return (items, count, positions.TryGetValue(cursor, out var at) ? at : -1);
            }
        }
    }
}
