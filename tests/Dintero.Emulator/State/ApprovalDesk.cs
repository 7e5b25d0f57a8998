using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dintero.Emulator.Hooks;

namespace Dintero.Emulator.State;

/// <summary>
/// The approval cases of every account, and the one place they change: opened by the POSTs, read by the lists, moved by
/// time (<see cref="ApprovalCase.Advance"/>, at each read and by <see cref="ApprovalTicker"/>), by the control request and
/// by archiving. Each change is published (<see cref="ApprovalEvents"/>) once the account's gate is let go.
/// </summary>
public sealed class ApprovalDesk
{
    /// <summary>Dintero's example merchant category code (5814, fast food): the emulator gives every payment case this one.</summary>
    public const int MerchantCategoryCode = 5814;

    private readonly ConcurrentDictionary<string, Book> books = new(StringComparer.Ordinal);

    /// <summary>Each case's account by the case's id, for the form pages (<c>/_emulator/forms/{id}</c>).</summary>
    private readonly ConcurrentDictionary<string, string> accountOfCase = new(StringComparer.Ordinal);
    private readonly EmulatorOptions options;
    private readonly ApprovalEvents events;

    public ApprovalDesk(EmulatorOptions options, ApprovalEvents events)
    {
        this.options = options;
        this.events = events;
    }

    /// <summary>What archiving came to.</summary>
    public enum ArchiveOutcome
    {
        Archived,
        NotFound,
        AlreadyArchived,

        /// <summary>The seller is ACTIVE and the request did not say delete_active=true.</summary>
        Active,
    }

    /// <summary>An account's cases, oldest first, and the gate that guards them.</summary>
    private sealed class Book
    {
        public object Gate { get; } = new();

        public List<ApprovalCase> Cases { get; } = new();
    }

    /// <summary>
    /// Opens a case of the application <paramref name="kept"/> (its checked fields): the answer, as the case stood when
    /// opened; or, for a seller whose payout_destination_id a case not archived holds already, that case's id and no answer.
    /// </summary>
    public (JsonObject? Answer, string? TakenBy) Open(ApprovalKind kind, string accountId, JsonObject kept, string createdBy, Func<string, string> formUrl)
    {
        var now = options.Clock.GetUtcNow();
        var stamp = AccountStore.Timestamp(now);
        var id = Guid.NewGuid().ToString();
        var body = new JsonObject { ["id"] = id, ["created_at"] = stamp, ["created_by"] = createdBy, ["updated_at"] = stamp };
        foreach (var (name, value) in kept) body[name] = value?.DeepClone();
        var opened = new ApprovalCase(kind, accountId, body, now);
        body["links"] = new JsonArray { new JsonObject { ["href"] = formUrl(id), ["rel"] = "contract_url" } };
        if (kind == ApprovalKind.Payment) body["mcc"] = MerchantCategoryCode;

        var book = books.GetOrAdd(accountId, _ => new Book());
        JsonObject answer;
        List<JsonObject> changes;
        lock (book.Gate)
        {
            if (kind == ApprovalKind.Seller && SellerHolding(book, body["payout_destination_id"]!.GetValue<string>()) is { } holder) return (null, holder.Id);
            book.Cases.Add(opened);
            accountOfCase[id] = accountId;
            answer = (JsonObject)body.DeepClone();
            // A test value's decision, at once unless a step is set: after the answer was taken, as Dintero decides after answering.
            changes = opened.Advance(now, options.ApprovalStepAfter);
        }
        Publish(accountId, kind, changes);
        return (answer, null);
    }

    /// <summary>The account's cases of the kind that <paramref name="matches"/> takes, oldest first, brought up to date first.</summary>
    public List<JsonObject> List(string accountId, ApprovalKind kind, Func<JsonObject, bool> matches) =>
        WithCurrent(accountId, book => book.Cases.Where(each => each.Kind == kind && matches(each.Body)).Select(each => (JsonObject)each.Body.DeepClone()).ToList()) ?? new List<JsonObject>();

    /// <summary>The control request: sets the case's status as Dintero's reviewers would; the case as it is now, or null when the account has no such case.</summary>
    public JsonObject? Set(string accountId, string id, string status) => Change(accountId, id, (found, now) => found.Move(status, now));

    /// <summary>Archives a seller case (DELETE .../payout-destinations/{id}): case_status ARCHIVED, deleted_at and deleted_by.</summary>
    public ArchiveOutcome Archive(string accountId, string id, bool deleteActive, string by)
    {
        var outcome = ArchiveOutcome.NotFound;
        Change(accountId, id, (found, now) =>
        {
            if (found.Kind != ApprovalKind.Seller) return false;
            if (found.Status == ApprovalCase.Archived)
            {
                outcome = ArchiveOutcome.AlreadyArchived;
                return false;
            }
            if (found.Status == ApprovalCase.Active && !deleteActive)
            {
                outcome = ArchiveOutcome.Active;
                return false;
            }
            outcome = ArchiveOutcome.Archived;
            return found.Move(ApprovalCase.Archived, now, by);
        });
        return outcome;
    }

    /// <summary>The account a case belongs to, and the case as it is; null when there is none.</summary>
    public (string AccountId, JsonObject Case)? Find(string id)
    {
        if (!accountOfCase.TryGetValue(id, out var accountId)) return null;
        var found = WithCurrent(accountId, book => book.Cases.FirstOrDefault(each => each.Id == id)?.Body.DeepClone() as JsonObject);
        return found == null ? null : (accountId, found);
    }

    /// <summary>Brings every case up to date with the clock: what <see cref="ApprovalTicker"/> calls.</summary>
    public void Tick()
    {
        foreach (var accountId in books.Keys) WithCurrent(accountId, _ => (object?)null);
    }

    // Runs a change of one case under its account's gate, the account brought up to date first; publishes what changed.
    // Returns the case as it is after, or null when the account has no such case.
    private JsonObject? Change(string accountId, string id, Func<ApprovalCase, DateTimeOffset, bool> change)
    {
        if (!books.TryGetValue(accountId, out var book)) return null;
        var now = options.Clock.GetUtcNow();
        List<(ApprovalKind Kind, JsonObject Snapshot)> changes;
        JsonObject? after = null;
        lock (book.Gate)
        {
            changes = Advance(book, now);
            if (book.Cases.FirstOrDefault(each => each.Id == id) is { } found)
            {
                if (change(found, now)) changes.Add((found.Kind, (JsonObject)found.Body.DeepClone()));
                after = (JsonObject)found.Body.DeepClone();
            }
        }
        foreach (var (kind, snapshot) in changes) events.Publish(accountId, kind, snapshot);
        return after;
    }

    // Reads the account's cases under its gate once they are up to date; null when the account has none.
    private T? WithCurrent<T>(string accountId, Func<Book, T> read)
    {
        if (!books.TryGetValue(accountId, out var book)) return default;
        List<(ApprovalKind Kind, JsonObject Snapshot)> changes;
        T result;
        lock (book.Gate)
        {
            changes = Advance(book, options.Clock.GetUtcNow());
            result = read(book);
        }
        foreach (var (kind, snapshot) in changes) events.Publish(accountId, kind, snapshot);
        return result;
    }

    private List<(ApprovalKind Kind, JsonObject Snapshot)> Advance(Book book, DateTimeOffset now) =>
        book.Cases.SelectMany(each => each.Advance(now, options.ApprovalStepAfter).Select(snapshot => (each.Kind, snapshot))).ToList();

    private void Publish(string accountId, ApprovalKind kind, List<JsonObject> changes)
    {
        foreach (var snapshot in changes) events.Publish(accountId, kind, snapshot);
    }

    private static ApprovalCase? SellerHolding(Book book, string payoutDestinationId) =>
        book.Cases.FirstOrDefault(each => each.Kind == ApprovalKind.Seller && each.Status != ApprovalCase.Archived
            && each.Body["payout_destination_id"]?.GetValue<string>() == payoutDestinationId);
}
