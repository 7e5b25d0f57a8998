using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using Dintero.Connections.Auth;
using Dintero.Connections.Http.Handlers;
using Dintero.Connections.Http.Proxy;
using Dintero.Connections.Logging;
using Dintero.Connections.Redaction;
using Dintero.Connections.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// The handler chains of the client's two HttpClients, built by Microsoft.Extensions.Http so connections are
    /// pooled and recycled: API calls go Retry → Authentication → Logging → network; token calls go Retry →
    /// Logging → network. Both leave through the same <see cref="ProxyRoute"/>: a token request never goes around the proxy.
    /// </summary>
    internal sealed class HandlerChain : IDisposable
    {
        private const string ApiClient = "Dintero.Api";
        private const string TokenClient = "Dintero.Token";
        private readonly ServiceProvider services;
        private readonly IHttpClientFactory factory;
        // Microsoft.Extensions.Http's default handler lifetime.
        private static readonly long ClientLifetimeTicks = 2 * 60 * Stopwatch.Frequency;
        private KeptClient? api;

        public HandlerChain(DinteroApiOptions options, ProxyRoute route, Uri baseUri, TokenCache cache, HttpMessageHandler? primaryHandler, IClock clock, Redactor redactor, Log log)
        {
            var retry = options.Retry.Copy();
            // One pause for both chains: a 429 on the token endpoint holds the API calls too, and the other way round.
            var gate = new RateLimitGate(clock);
            var collection = new ServiceCollection();
            Configure(collection.AddHttpClient(TokenClient), options, route, primaryHandler)
                .AddHttpMessageHandler(() => new RetryHandler(retry, options.RequestTimeout, clock, log, gate, route))
                .AddHttpMessageHandler(() => new LoggingHandler(log));
            var endpoints = new TokenEndpoints(() => factory!.CreateClient(TokenClient), baseUri, options.Credential!, clock, redactor, log);
            // A token the cache lets go of (replaced, expired, evicted) is no longer masked by value: what the redactor
            // holds stays what the session can still send (a token's shape is masked whatever).
            Tokens = new TokenProvider(endpoints, options.AccountId, cache.PartitionFor(baseUri, options.Credential!, token => redactor.RemoveSecret(token.Value)), options.TokenRenewalMargin, clock, log);
            Configure(collection.AddHttpClient(ApiClient), options, route, primaryHandler)
                .AddHttpMessageHandler(() => new RetryHandler(retry, options.RequestTimeout, clock, log, gate, route))
                .AddHttpMessageHandler(() => new AuthenticationHandler(Tokens))
                .AddHttpMessageHandler(() => new LoggingHandler(log));
            // Microsoft.Extensions.Http's own logging would log request URIs through ILogger; ours is redacted.
            collection.RemoveAll<IHttpMessageHandlerBuilderFilter>();
            services = collection.BuildServiceProvider();
            factory = services.GetRequiredService<IHttpClientFactory>();
        }

        public TokenProvider Tokens { get; }

        /// <summary>
        /// The client for API calls. Building one from the factory re-runs its configuration (header parsing and all)
        /// on every call, so one is kept and replaced as often as the factory rotates its handlers, which keeps
        /// connections recycled (DNS changes are seen) without that cost per call.
        /// </summary>
        public HttpClient Api
        {
            get
            {
                var kept = Volatile.Read(ref api);
                if (kept != null && Stopwatch.GetTimestamp() - kept.CreatedAt < ClientLifetimeTicks) return kept.Client;
                var fresh = new KeptClient(factory.CreateClient(ApiClient), Stopwatch.GetTimestamp());
                Volatile.Write(ref api, fresh);
                return fresh.Client;
            }
        }

        public void Dispose() => services.Dispose();

        private static IHttpClientBuilder Configure(IHttpClientBuilder builder, DinteroApiOptions options, ProxyRoute route, HttpMessageHandler? primaryHandler)
        {
            builder.ConfigureHttpClient(client =>
            {
                // Each attempt has its own timeout (RetryHandler); the client-wide one would cut retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(ModuleVersion.UserAgent);
                client.DefaultRequestHeaders.Add("Dintero-System-Name", options.SystemName);
                client.DefaultRequestHeaders.Add("Dintero-System-Version", options.SystemVersion);
            });
            if (primaryHandler != null)
            {
                builder.ConfigurePrimaryHttpMessageHandler(() => new NonDisposingHandler(primaryHandler))
                    .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            }
            else
            {
                builder.ConfigurePrimaryHttpMessageHandler(route.CreateHandler);
            }
            return builder;
        }

        private sealed class KeptClient
        {
            public KeptClient(HttpClient client, long createdAt)
            {
                Client = client;
                CreatedAt = createdAt;
            }

            public HttpClient Client { get; }

            public long CreatedAt { get; }
        }

        /// <summary>Lets tests share one fake network handler between both clients.</summary>
        private sealed class NonDisposingHandler : DelegatingHandler
        {
            public NonDisposingHandler(HttpMessageHandler inner) : base(inner) { }

            protected override void Dispose(bool disposing)
            {
                // The inner handler belongs to the test.
            }
        }
    }
}
