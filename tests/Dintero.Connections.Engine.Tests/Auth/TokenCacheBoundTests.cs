using Dintero.Connections.Auth;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Auth;

/// <summary>A session's tokens, bounded by what it can still use: a partner's book of many merchants keeps the last ones.</summary>
public sealed class TokenCacheBoundTests
{
    [Fact]
    public async Task A_partner_session_over_more_merchants_than_the_cache_keeps_holds_its_capacity_and_masks_only_what_it_holds()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.AddPartner(TestData.PartnerId, 300));
        var cache = new TokenCache(capacity: 40);
        var client = env.PartnerApi(cache: cache);
        var merchants = env.Emulator.Options.Partners[TestData.PartnerId].Take(300).ToList();

        foreach (var merchant in merchants) await client.GetAccountSettingsAsync(merchant);

        // The partner's own entry and the merchants touched last: at most a quarter over the capacity, never the book.
        Assert.InRange(cache.Accounts, 40, 50);
        Assert.Equal(cache.Count, cache.Accounts);
        // What the redactor masks by value: the client secret and the tokens held; exchange tokens spent are let go.
        var redactor = (Dintero.Connections.Redaction.Redactor)typeof(Dintero.Connections.Http.DinteroApi).GetField("redactor", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;
        Assert.Equal(cache.Count + 1, redactor.SecretCount);
        // A merchant touched last is still cached: no new token for it.
        var before = env.Requests.TokenRequests;
        await client.GetAccountSettingsAsync(merchants[^1]);
        Assert.Equal(before, env.Requests.TokenRequests);
        // One let go costs its chain again when touched.
        await client.GetAccountSettingsAsync(merchants[0]);
        Assert.Equal(before + 1, env.Requests.TokenRequests);
    }
}
