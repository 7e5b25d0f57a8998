using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dintero.Connections.Auth;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Time;

namespace Dintero.Connections.Benchmarks;

/// <summary>
/// The engine's cost per call, with the network taken out: both sides talk to the same in-memory handler, which
/// answers at once with the same bytes. The baseline is what a careful script-writer's C# would do: a raw
/// HttpClient, System.Text.Json, the answer deserialized into the same model.
/// </summary>
public static class ClientOverhead
{
    private static readonly JsonSerializerOptions RawJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static async Task RunAsync()
    {
        var handler = new CannedHandler();
        var baseUri = new Uri("https://api.example.test/v1/");
        using var raw = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseUri };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CannedHandler.Token);
        using var client = new DinteroApi(new DinteroApiOptions { BaseUri = baseUri, Credential = new DinteroCredential("bench", "bench-secret") }, handler, SystemClock.Instance);
        await client.AuthenticateAsync(Samples.AccountId);
        var signup = Samples.Signup();
        var commonPath = $"accounts/{Samples.AccountId}/management/settings/connections/common";

        var create = await Harness.CompareAsync(
            async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, commonPath)
                {
                    Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new SignupRequest<CommonConnectionSignup> { signup = signup }, RawJson)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await raw.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var connection = JsonSerializer.Deserialize<CommonConnection>(await response.Content.ReadAsByteArrayAsync(), RawJson)!;
                if (connection.status != "pending") throw new InvalidOperationException();
            },
            async () =>
            {
                // As a cmdlet does it: the signup checked (every rule, its doubts, its personal numbers), then sent.
                var connection = await client.CreateConnectionAsync(ConnectionKinds.Common.Check(signup), Samples.AccountId);
                if (connection.status != "pending") throw new InvalidOperationException();
            });
        Harness.Print("Create a Common connection (client only, in-memory network)", create, 1.5, 1.5);

        var read = await Harness.CompareAsync(
            async () =>
            {
                using var response = await raw.GetAsync(commonPath);
                response.EnsureSuccessStatusCode();
                var connection = JsonSerializer.Deserialize<CommonConnection>(await response.Content.ReadAsByteArrayAsync(), RawJson)!;
                if (connection.status != "pending") throw new InvalidOperationException();
            },
            async () =>
            {
                var connection = await client.GetConnectionAsync(ConnectionKinds.Common, Samples.AccountId);
                if (connection.status != "pending") throw new InvalidOperationException();
            });
        Harness.Print("Read a Common connection (client only, in-memory network)", read, 1.3, 1.5);
    }

    /// <summary>Answers tokens and connections at once with fixed bytes, like a very fast Dintero.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        public const string Token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl";
        private static readonly byte[] TokenAnswer = Encoding.UTF8.GetBytes($"{{\"access_token\":\"{Token}\",\"token_type\":\"Bearer\",\"expires_in\":86400}}");
        private static readonly byte[] ConnectionAnswer = Encoding.UTF8.GetBytes(
            "{\"created_at\":\"2026-11-21T08:00:00Z\",\"created_by\":\"bench\",\"updated_at\":\"2026-11-21T08:00:00Z\",\"status\":\"pending\"," +
            "\"signup\":{\"payment_options\":[{\"currencies\":[\"NOK\"],\"type\":\"dintero.zero\"},{\"currencies\":[\"NOK\"],\"type\":\"vipps\"}],\"store_type\":[\"online\"]," +
            "\"package\":\"Checkout 195 NOK/month + 1.5%\",\"revenue\":{\"currency\":\"NOK\",\"yearly_revenue\":\"100.000-250.000 NOK\",\"accept_prepaid\":false}}," +
            "\"events\":[{\"id\":\"e1\",\"created_at\":\"2026-11-21T08:00:00Z\",\"status\":\"pending\",\"event\":\"signature_required\",\"description\":\"Awaiting signature\"," +
            "\"metadata\":{\"signature_link\":\"https://sign.example.test/abc\"}}]}");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.RequestUri!.AbsolutePath.EndsWith("/auth/token", StringComparison.Ordinal) ? TokenAnswer : ConnectionAnswer;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
