using System.Text.Json.Nodes;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Hooks;

/// <summary>
/// What Dintero delivers when an approval case changes status (docs/openapi/dintero-approvals.yaml):
/// <list type="bullet">
/// <item><c>cdd_case_update</c> for either kind: <c>account_id</c>, <c>event</c>, <c>event_delivery</c>, the account (the
/// settings' Account) and exactly one of <c>payment_case</c> and <c>payout_destination_case</c>. What the cases hold in this
/// event was not read (the yaml's x-uncertain): a payment case goes whole, as the list answers it; a seller case as the next
/// event has it.</item>
/// <item><c>approval_payout_destination_update</c> for a seller: the same head, and <c>payout_destination_case</c> with the
/// fields of Dintero's example (no bank account).</item>
/// </list>
/// Through the account's subscriptions of those events (HookDispatcher), signed and recorded as every delivery is. Dintero's
/// subscription list also names <c>approval_payout_destination_delete</c>; its body is not documented, and it is not sent.
/// </summary>
public sealed class ApprovalEvents
{
    public const string CaseUpdate = "cdd_case_update";
    public const string SellerUpdate = "approval_payout_destination_update";

    /// <summary>The fields of payout_destination_case in Dintero's approval_payout_destination_update example.</summary>
    private static readonly string[] SellerCaseFields =
    {
        "id", "created_at", "updated_at", "payout_destination_id", "payout_reference", "organization_number", "case_status", "created_by",
        "payout_destination_name", "payout_destination_description",
    };

    private readonly AccountStore accounts;
    private readonly HookDispatcher dispatcher;

    public ApprovalEvents(AccountStore accounts, HookDispatcher dispatcher)
    {
        this.accounts = accounts;
        this.dispatcher = dispatcher;
    }

    /// <summary>Delivers the events of one change: <paramref name="changed"/> is the case as it stood right after it.</summary>
    public void Publish(string accountId, ApprovalKind kind, JsonObject changed)
    {
        var account = accounts.Get(accountId);
        if (kind == ApprovalKind.Payment)
        {
            dispatcher.Publish(account, CaseUpdate, delivery => Head(accountId, CaseUpdate, delivery, withAccount: account, ("payment_case", changed.DeepClone())));
            return;
        }
        var sellerCase = new JsonObject();
        foreach (var name in SellerCaseFields)
        {
            if (changed[name] != null) sellerCase[name] = changed[name]!.DeepClone();
        }
        dispatcher.Publish(account, SellerUpdate, delivery => Head(accountId, SellerUpdate, delivery, withAccount: null, ("payout_destination_case", sellerCase.DeepClone())));
        dispatcher.Publish(account, CaseUpdate, delivery => Head(accountId, CaseUpdate, delivery, withAccount: account, ("payout_destination_case", sellerCase.DeepClone())));
    }

    private static JsonObject Head(string accountId, string eventName, string delivery, AccountStore.Account? withAccount, (string Name, JsonNode Case) payload)
    {
        var body = new JsonObject { ["account_id"] = accountId, ["event"] = eventName, ["event_delivery"] = delivery };
        if (withAccount != null) body["account"] = AccountJson.Settings(withAccount);
        body[payload.Name] = payload.Case;
        return body;
    }
}
