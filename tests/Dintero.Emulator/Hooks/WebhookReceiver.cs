using System.Collections.Concurrent;
using System.Text;

namespace Dintero.Emulator.Hooks;

/// <summary>
/// A webhook receiver inside the emulator (<c>/_emulator/receiver/...</c>), for tests that need a URL Dintero can deliver
/// to: it keeps what each delivery brought (the raw body and the headers that matter) and answers 200, or the status its
/// path ends in (<c>/_emulator/receiver/500</c>), so a test can make a hook fail.
/// </summary>
public sealed class WebhookReceiver
{
    private readonly ConcurrentQueue<Received> received = new();

    /// <param name="Path">The path delivered to.</param>
    /// <param name="Body">The body as sent, byte for byte (as UTF-8 text).</param>
    public sealed record Received(string Path, string? Event, string? EventDelivery, string? EventSignature, string Body);

    public IReadOnlyList<Received> All => received.ToArray();

    public async Task<IResult> AcceptAsync(HttpContext context, string? rest)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var headers = context.Request.Headers;
        received.Enqueue(new Received(context.Request.Path.Value ?? "/", headers["event"].ToString(), headers["event-delivery"].ToString(), headers["event-signature"].ToString(), Encoding.UTF8.GetString(buffer.ToArray())));
        var last = rest?.Split('/').LastOrDefault();
        return int.TryParse(last, out var status) && status >= 200 && status < 600 ? Results.StatusCode(status) : Results.Ok();
    }
}
