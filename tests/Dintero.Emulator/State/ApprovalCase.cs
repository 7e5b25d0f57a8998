using System.Text.Json.Nodes;

namespace Dintero.Emulator.State;

/// <summary>The two kinds of approval: a merchant's application for payments, a platform's application for a seller.</summary>
public enum ApprovalKind
{
    Payment,
    Seller,
}

/// <summary>
/// One approval case, as Dintero answers it (<see cref="Body"/>: the application as sent, with id, case_status, links and
/// timestamps), and what the emulator keeps beside it: the status a test value decides, and when the status last changed.
/// Guarded by its account's gate in <see cref="ApprovalDesk"/>.
/// </summary>
/// <remarks>
/// How a case's status moves (<see cref="Statuses"/> is Dintero's closed list; what each one means is not documented, and
/// this is the emulator's reading of the flow Dintero describes: the signatory opens the contract_url, declares, signs,
/// then Dintero reviews):
/// <list type="bullet">
/// <item>A new case waits for the signatory's declaration, WAITING_FOR_DECLARATION: the answer carries the form's link, and
/// Dintero's reminders go out "while the form is unsigned or undeclared", so nothing is reviewed before it is filled in.</item>
/// <item>A case of a test value (<see cref="TestValues"/>, T accounts only) skips the form: it starts in AUTOMATIC_REVIEW,
/// which the POST answers, and is decided right after (the next read shows its status; with
/// <see cref="EmulatorOptions.ApprovalStepAfter"/>, one step later), then stays there.</item>
/// <item>With <see cref="EmulatorOptions.ApprovalStepAfter"/> set, any other case walks the happy path a step at a time:
/// WAITING_FOR_DECLARATION, WAITING_FOR_SIGNATURE, AUTOMATIC_REVIEW, ACTIVE. Unset, it stays until moved.</item>
/// <item>The control request (<c>POST /_emulator/accounts/{aid}/approvals/{id}/status</c>) sets any status of the list, as
/// Dintero's reviewers would; archiving a seller sets ARCHIVED.</item>
/// </list>
/// Every change is delivered to the account's webhook subscriptions (Hooks/ApprovalEvents).
/// </remarks>
public sealed class ApprovalCase
{
    public const string Active = "ACTIVE";
    public const string Archived = "ARCHIVED";
    public const string AutomaticReview = "AUTOMATIC_REVIEW";
    public const string WaitingForDeclaration = "WAITING_FOR_DECLARATION";
    public const string WaitingForSignature = "WAITING_FOR_SIGNATURE";

    /// <summary>Dintero's ApprovalStatus, in its order (node-sdk; TERMINATED since 2026-04).</summary>
    public static readonly string[] Statuses =
    {
        Active, "DECLINED", "UNDER_MANUAL_REVIEW", AutomaticReview, WaitingForSignature, WaitingForDeclaration, "ERROR", Archived, "WAITING_FOR_DETAILS", "TERMINATED",
    };

    /// <summary>
    /// The test values and the status each one ends a case in, on test accounts (T) only. For a seller they go in
    /// payout_destination_description, as Dintero documents (docs/checkout/split-payment/testing-split-payments). For a
    /// payment approval Dintero documents none: EMULATOR-ONLY, the same words in form_submitter.title. Either way the
    /// value is the whole field, as the yaml advises sending it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TestValues = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AUTO_APPROVE"] = Active,
        ["AUTO_DECLINE"] = "DECLINED",
        ["AUTO_WAITING_FOR_SIGNATURE"] = WaitingForSignature,
    };

    /// <summary>The happy path a step at a time (<see cref="EmulatorOptions.ApprovalStepAfter"/>): each status's next.</summary>
    private static readonly IReadOnlyDictionary<string, string> Script = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [WaitingForDeclaration] = WaitingForSignature,
        [WaitingForSignature] = AutomaticReview,
        [AutomaticReview] = Active,
    };

    public ApprovalCase(ApprovalKind kind, string accountId, JsonObject body, DateTimeOffset now)
    {
        Kind = kind;
        AccountId = accountId;
        Body = body;
        ChangedAt = now;
        var value = accountId.StartsWith('T') ? TestValueOf(kind, body) : null;
        Decision = value != null ? TestValues[value] : null;
        Tested = value != null;
        Body["case_status"] = Decision != null ? AutomaticReview : WaitingForDeclaration;
    }

    public ApprovalKind Kind { get; }

    public string AccountId { get; }

    public string Id => Body["id"]!.GetValue<string>();

    /// <summary>The case as Dintero answers it.</summary>
    public JsonObject Body { get; }

    public string Status => Body["case_status"]!.GetValue<string>();

    /// <summary>The status a test value decides, until the case reaches it; null for any other case.</summary>
    public string? Decision { get; private set; }

    /// <summary>Whether the case came with a test value: it is never scripted, only decided.</summary>
    public bool Tested { get; }

    /// <summary>When the status last changed (created, moved).</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The test value the body carries (its whole field), if any.</summary>
    public static string? TestValueOf(ApprovalKind kind, JsonObject body)
    {
        var field = kind == ApprovalKind.Seller ? body["payout_destination_description"] : body["form_submitter"]?["title"];
        var text = field is JsonValue value && value.TryGetValue<string>(out var given) ? given : null;
        return text != null && TestValues.ContainsKey(text) ? text : null;
    }

    /// <summary>Sets the status (an archived case gets deleted_at and deleted_by; one moved out of ARCHIVED loses them). False when it had it already.</summary>
    public bool Move(string status, DateTimeOffset at, string? by = null)
    {
        if (Status == status) return false;
        var stamp = AccountStore.Timestamp(at);
        Body["case_status"] = status;
        Body["updated_at"] = stamp;
        if (status == Archived)
        {
            Body["deleted_at"] = stamp;
            Body["deleted_by"] = by ?? "emulator";
        }
        else
        {
            Body.Remove("deleted_at");
            Body.Remove("deleted_by");
        }
        ChangedAt = at;
        if (status == Decision) Decision = null;
        return true;
    }

    /// <summary>
    /// Moves the case as time has passed by <paramref name="now"/>: a test value's decision, due <paramref name="step"/>
    /// after the case entered AUTOMATIC_REVIEW (at once when null); with a step, a case of no test value along the script,
    /// a step after each change. Returns each status it passed through, with the case as it was then.
    /// </summary>
    public List<JsonObject> Advance(DateTimeOffset now, TimeSpan? step)
    {
        var changes = new List<JsonObject>();
        while (Next(step) is ({ } status, var due) && due <= now && Move(status, due)) changes.Add((JsonObject)Body.DeepClone());
        return changes;
    }

    private (string? Status, DateTimeOffset Due) Next(TimeSpan? step)
    {
        if (Decision != null) return Status == AutomaticReview ? (Decision, ChangedAt + (step ?? TimeSpan.Zero)) : (null, default);
        // A case a test value decided stays where it was put.
        if (step is not { } every || Tested || !Script.TryGetValue(Status, out var next)) return (null, default);
        return (next, ChangedAt + every);
    }
}
