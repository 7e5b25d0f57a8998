using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Kinds;
using Dintero.Connections.Partners;
using Dintero.Connections.Engine.Tests.Http;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Partners;

/// <summary>
/// The emulator serves a partner of 100,000 merchants as it serves one of three: a page of the partner's list costs its
/// length, at the first merchant as at the last, and a filtered page examines only the merchants from its cursor on. The
/// cost is counted, not timed: the emulator counts the merchants its list examines (<c>/_emulator/counters</c>), which a
/// list that scanned the whole book for each page would show at once.
/// </summary>
public sealed class MerchantBookCostTests
{
    /// <summary>Added to the demo partner's 3: T11200001 to T11299999, then on past the partner's prefix.</summary>
    private const int Book = 100_000;

    private static readonly string[] PastThePrefix = { "T11300001", "T11300002", "T11300003", "T11300004" };

    private static long Examined(TestEnvironment env) =>
        JsonNode.Parse(env.Emulator.Send(HttpMethod.Get, "counters"))!["merchants_examined"]!.GetValue<long>();

    /// <summary>A page, and how many merchants the emulator examined for it.</summary>
    private static async Task<(List<string> Ids, long Examined)> PageAsync(TestEnvironment env, AccountQuery query, string? startingAfter = null)
    {
        var before = Examined(env);
        var page = await env.PartnerApi().ListAccountsAsync(TestData.PartnerId, query, startingAfter);
        return (page.Items.Select(account => account.account_id!).ToList(), Examined(env) - before);
    }

    private static IEnumerable<string> Ids(int from, int count) => Enumerable.Range(from, count).Select(number => "T112" + number.ToString("00000", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_page_of_a_book_of_100000_merchants_costs_its_length_at_the_end_as_at_the_start()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.AddPartner(TestData.PartnerId, Book));
        var query = new AccountQuery { Limit = 100 };

        var first = await PageAsync(env, query);
        var nearTheEnd = await PageAsync(env, query, startingAfter: "T11299800");
        var last = await PageAsync(env, query, startingAfter: "T11299999");
        var past = await PageAsync(env, query, startingAfter: PastThePrefix[^1]);

        Assert.Equal(Ids(1, 100), first.Ids);
        Assert.Equal(Ids(99_801, 100), nearTheEnd.Ids);
        // Past T11299999 the merchants' ids go on in the next prefix, skipping T11300000, a partner's id.
        Assert.Equal(PastThePrefix, last.Ids);
        Assert.Empty(past.Ids);
        Assert.Equal(100, first.Examined);
        Assert.Equal(first.Examined, nearTheEnd.Examined);
        Assert.Equal(PastThePrefix.Length, last.Examined);
        Assert.Equal(0, past.Examined);
    }

    [Fact]
    public async Task A_filtered_page_examines_only_the_merchants_from_its_cursor_on()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options =>
        {
            options.AddPartner(TestData.PartnerId, Book);
            options.AccountsWithOrganizationNumber.AddRange(new[] { "T11299900", "T11299990", PastThePrefix[1] });
        });
        var client = env.PartnerApi();
        foreach (var merchant in new[] { "T11299900", "T11299990", PastThePrefix[1] }) await client.CreatePayExAsync(merchant);
        var payex = new AccountQuery { Limit = 10, Connections = new[] { ConnectionKinds.PayEx } };

        var fromTheCursor = await PageAsync(env, payex, startingAfter: "T11299900");
        var oneMatch = await PageAsync(env, new AccountQuery { Limit = 1, Connections = new[] { ConnectionKinds.PayEx } }, startingAfter: "T11299900");
        // A cursor the filter does not take is past the end, as when Dintero's list is filtered first.
        var notMatching = await PageAsync(env, payex, startingAfter: "T11299901");
        var searched = await PageAsync(env, new AccountQuery { Limit = 2, Search = "1129999" }, startingAfter: "T11299990");

        Assert.Equal(new[] { "T11299990", PastThePrefix[1] }, fromTheCursor.Ids);
        // The cursor, and every merchant after it to the end of the book (99 in the partner's prefix, 4 past it).
        Assert.Equal(1 + 99 + PastThePrefix.Length, fromTheCursor.Examined);
        Assert.Equal(new[] { "T11299990" }, oneMatch.Ids);
        Assert.Equal(1 + 90, oneMatch.Examined);
        Assert.Empty(notMatching.Ids);
        Assert.Equal(1, notMatching.Examined);
        Assert.Equal(new[] { "T11299991", "T11299992" }, searched.Ids);
        Assert.Equal(1 + 2, searched.Examined);
    }

    [Fact]
    public async Task A_merchant_who_joins_a_full_prefix_comes_last_in_the_book()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.AddPartner(TestData.PartnerId, Book));

        var joined = JsonNode.Parse(env.Emulator.Send(HttpMethod.Post, $"partners/{TestData.PartnerId}/merchants", new { }))!["account_id"]!.GetValue<string>();
        var last = await PageAsync(env, new AccountQuery { Limit = 100 }, startingAfter: "T11299999");
        var merchant = await env.PartnerApi().GetAccountAsync(TestData.PartnerId, joined);

        Assert.Equal("T11300005", joined);
        Assert.Equal(PastThePrefix.Append(joined), last.Ids);
        Assert.Equal(PastThePrefix.Length + 1, last.Examined);
        Assert.Equal("T112", merchant.partner_id);
    }
}
