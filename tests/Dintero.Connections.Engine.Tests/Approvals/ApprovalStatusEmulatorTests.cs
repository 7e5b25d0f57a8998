using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Engine.Tests.Support;
using static Dintero.Connections.Engine.Tests.Approvals.ApprovalCalls;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>
/// How the emulator's approval cases move: the control request (/_emulator/accounts/{aid}/approvals/{id}/status), the
/// scripted steps of EmulatorOptions.ApprovalStepAfter (off by default), and the events each change delivers
/// (cdd_case_update; approval_payout_destination_update for a seller), checked against the yaml's payload schemas.
/// </summary>
public sealed class ApprovalStatusEmulatorTests
{
    private static readonly string[] ApprovalEvents = { "cdd_case_update", "approval_payout_destination_update" };

    private static string Id(JsonObject approval) => (string)approval["id"]!;

    private static string Status(JsonObject approval) => (string)approval["case_status"]!;

    [Fact]
    public async Task The_control_request_sets_any_status_of_Dintero_s_list_and_refuses_others_and_unknown_cases()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var seller = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));

        var archived = env.Emulator.SetApprovalStatus(TestData.AccountId, Id(seller), "ARCHIVED");
        var terminated = env.Emulator.SetApprovalStatus(TestData.AccountId, Id(seller), "TERMINATED");

        Assert.Equal("ARCHIVED", Status(archived));
        Assert.False(string.IsNullOrEmpty((string?)archived["deleted_at"]));
        Assert.Equal("TERMINATED", Status(terminated));
        Assert.False(terminated.ContainsKey("deleted_at")); // out of the archive, not deleted
        Assert.Equal("TERMINATED", Status(Assert.Single(await calls.ListAsync(token, Sellers))));
        Assert.Contains("400", Assert.Throws<InvalidOperationException>(() => env.Emulator.SetApprovalStatus(TestData.AccountId, Id(seller), "APPROVED")).Message);
        Assert.Contains("404", Assert.Throws<InvalidOperationException>(() => env.Emulator.SetApprovalStatus(TestData.AccountId, Guid.NewGuid().ToString(), "ACTIVE")).Message);
        Assert.Contains("404", Assert.Throws<InvalidOperationException>(() => env.Emulator.SetApprovalStatus(TestData.Merchant, Id(seller), "ACTIVE")).Message);
    }

    [Fact]
    public async Task By_default_a_case_waits_however_long_until_it_is_moved()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        await calls.OpenAsync(token, Payments, PaymentBody());

        env.Clock!.Advance(TimeSpan.FromDays(2));

        // A new token: the first one expired in the meantime.
        Assert.Equal("WAITING_FOR_DECLARATION", Status(Assert.Single(await calls.ListAsync(await calls.AdminAsync(), Payments))));
    }

    [Fact]
    public async Task With_a_step_a_case_walks_declaration_signature_review_to_active_and_a_test_value_is_decided_one_step_after()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true, configure: options => options.ApprovalStepAfter = TimeSpan.FromMinutes(1));
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));
        await calls.OpenAsync(token, Sellers, SellerBody("seller-0002", "AUTO_DECLINE"));
        async Task<string[]> Statuses() => (await calls.ListAsync(token, Sellers)).Select(Status).ToArray();

        var start = await Statuses();
        env.Clock!.Advance(TimeSpan.FromSeconds(59));
        var before = await Statuses();
        env.Clock.Advance(TimeSpan.FromSeconds(1));
        var oneStep = await Statuses();
        env.Clock.Advance(TimeSpan.FromMinutes(2));
        var threeSteps = await Statuses();
        env.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await Statuses();

        Assert.Equal(new[] { "WAITING_FOR_DECLARATION", "AUTOMATIC_REVIEW" }, start);
        Assert.Equal(start, before);
        Assert.Equal(new[] { "WAITING_FOR_SIGNATURE", "DECLINED" }, oneStep);
        Assert.Equal(new[] { "ACTIVE", "DECLINED" }, threeSteps);
        Assert.Equal(threeSteps, later);
    }

    [Fact]
    public async Task A_seller_s_change_is_delivered_as_approval_payout_destination_update_and_cdd_case_update_in_Dintero_s_shapes()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        await SubscribeAsync(env, calls, token, "/_emulator/receiver/approvals", ApprovalEvents);
        await SubscribeAsync(env, calls, token, "/_emulator/receiver/settlements", "settlement_add");

        var plain = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));
        var approved = await calls.OpenAsync(token, Sellers, SellerBody("seller-0002", "AUTO_APPROVE"));
        var events = await ReceivedAsync(env, "/_emulator/receiver/approvals", count: 2);

        Assert.Equal(new[] { "approval_payout_destination_update", "cdd_case_update" }, events.Select(each => (string)each["event"]!).OrderBy(name => name, StringComparer.Ordinal));
        foreach (var delivered in events)
        {
            var body = JsonNode.Parse((string)delivered["body"]!)!.AsObject();
            var schema = (string)delivered["event"]! == "cdd_case_update" ? "CddCaseUpdateEvent" : "ApprovalPayoutDestinationUpdateEvent";
            Conforms(OpenApiDocument.Dintero.Component(schema), body.ToJsonString(), schema);
            Assert.Equal((string)delivered["eventDelivery"]!, (string)body["event_delivery"]!);
            Assert.Equal(TestData.AccountId, (string)body["account_id"]!);
            var seller = body["payout_destination_case"]!.AsObject();
            Assert.Equal((Id(approved), "seller-0002", "ACTIVE"), ((string)seller["id"]!, (string)seller["payout_destination_id"]!, Status(seller)));
            Assert.False(seller.ContainsKey("bank_accounts")); // Dintero's example shows none, and a bank account number is personal
            Assert.False(body.ContainsKey("payment_case"));
        }
        Assert.DoesNotContain(env.Emulator.Received(), each => ((string)each["body"]!).Contains(Id(plain))); // made, not changed
        Assert.DoesNotContain(env.Emulator.Received(), each => (string)each["path"]! == "/_emulator/receiver/settlements" && (string)each["event"]! != "ping");
    }

    [Fact]
    public async Task A_payment_case_moved_by_the_control_request_is_delivered_as_cdd_case_update_with_the_payment_case()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        await SubscribeAsync(env, calls, token, "/_emulator/receiver/payments", "cdd_case_update");
        var opened = await calls.OpenAsync(token, Payments, PaymentBody());

        env.Emulator.SetApprovalStatus(TestData.AccountId, Id(opened), "UNDER_MANUAL_REVIEW");
        env.Emulator.SetApprovalStatus(TestData.AccountId, Id(opened), "UNDER_MANUAL_REVIEW"); // no change, no event
        env.Emulator.SetApprovalStatus(TestData.AccountId, Id(opened), "ACTIVE");
        var events = await ReceivedAsync(env, "/_emulator/receiver/payments", count: 2);

        var bodies = events.Select(each => JsonNode.Parse((string)each["body"]!)!.AsObject()).ToList();
        Assert.All(bodies, body => Conforms(OpenApiDocument.Dintero.Component("CddCaseUpdateEvent"), body.ToJsonString(), "CddCaseUpdateEvent"));
        Assert.Equal(new[] { "ACTIVE", "UNDER_MANUAL_REVIEW" }, bodies.Select(body => Status(body["payment_case"]!.AsObject())).OrderBy(status => status, StringComparer.Ordinal));
        Assert.All(bodies, body => Assert.Equal(Id(opened), (string)body["payment_case"]!["id"]!));
        Assert.All(bodies, body => Assert.Equal(TestData.AccountId, (string)body["account"]!["account_id"]!));
        await Task.Delay(200);
        Assert.Equal(2, env.Emulator.Received().Count(each => (string)each["path"]! == "/_emulator/receiver/payments" && (string)each["event"]! == "cdd_case_update"));
    }

    [Fact]
    public async Task A_scripted_step_is_delivered_when_it_is_due_without_anyone_reading_the_list()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true, configure: options => options.ApprovalStepAfter = TimeSpan.FromMinutes(1));
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        await SubscribeAsync(env, calls, token, "/_emulator/receiver/steps", "cdd_case_update");
        var opened = await calls.OpenAsync(token, Payments, PaymentBody());

        env.Clock!.Advance(TimeSpan.FromMinutes(1));
        var delivered = Assert.Single(await ReceivedAsync(env, "/_emulator/receiver/steps", count: 1));

        var paymentCase = JsonNode.Parse((string)delivered["body"]!)!["payment_case"]!.AsObject();
        Assert.Equal((Id(opened), "WAITING_FOR_SIGNATURE"), (Id(paymentCase), Status(paymentCase)));
        Assert.Equal(0, env.Requests.Count("GET", Payments));
    }

    // A subscription of the account to the emulator's own receiver at the path.
    private static async Task SubscribeAsync(TestEnvironment env, ApprovalCalls calls, string token, string receiverPath, params string[] events)
    {
        var body = new JsonObject
        {
            ["config"] = new JsonObject { ["url"] = new Uri(env.Emulator.RootUri, receiverPath.TrimStart('/')).AbsoluteUri },
            ["events"] = new JsonArray(events.Select(name => (JsonNode)name).ToArray()),
        };
        var answer = await calls.Raw.SendAsync(HttpMethod.Post, $"/v1/accounts/{TestData.AccountId}/hooks/subscriptions", token, body);
        Assert.True(answer.Status == 200, $"subscribing: {answer}");
    }

    // The deliveries of events other than the ping to the receiver's path, once there are at least this many (10 s at most).
    private static async Task<List<JsonObject>> ReceivedAsync(TestEnvironment env, string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var received = env.Emulator.Received().Where(each => (string)each["path"]! == path && (string)each["event"]! != "ping").ToList();
            if (received.Count >= count || DateTime.UtcNow > deadline) return received;
            await Task.Delay(25);
        }
    }
}
