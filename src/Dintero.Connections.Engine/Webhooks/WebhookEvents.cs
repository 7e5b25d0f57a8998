using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Webhooks
{
    /// <summary>What a webhook subscription is made of: Dintero's events, how its secret travels, and who gets account events.</summary>
    public static class WebhookEvents
    {
        /// <summary>The events of Dintero's subscription schema (docs.dintero.com, Subscription details, 2026), a closed list there.</summary>
        public static readonly IReadOnlyList<string> All = new[]
        {
            "account_add", "account_update", "account_store_add", "account_store_update", "account_store_delete", "account_location_add",
            "account_location_update", "account_location_delete", "receipt_add", "receipt_update", "customer_add", "customer_update",
            "customer_delete", "customer_change_password", "token_add", "token_remove", "transaction", "wallet_transaction", "discount_add",
            "discount_update", "discount_delete", "discount_add_customers", "discount_customer_update", "shopping_draft_add", "shopping_draft_update",
            "shopping_draft_complete", "shopping_order_update", "shopping_order_event_add", "shopping_order_delete", "settlement_add", "location_add",
            "location_delete", "location_update", "cdd_case_update", "approval_payout_destination_update", "approval_payout_destination_delete",
            "checkout_authorization", "checkout_transaction", "checkout_token_add", "checkout_token_update", "checkout_token_delete",
        };

        /// <summary>
        /// The events Dintero sends to production subscriptions only ("The events are only available for production
        /// subscriptions", Hooks API, account_add / account_update / cdd_case_update); account_add to partner accounts only.
        /// </summary>
        public static readonly IReadOnlyList<string> ProductionOnly = new[] { "account_add", "account_update", "cdd_case_update" };

        /// <summary>Dintero's only signing type.</summary>
        public const string SecretType = "HMAC-SHA1";

        /// <summary>
        /// How the secret travels on create: <c>config.secret = {"type": "HMAC-SHA1", "value": "&lt;secret&gt;"}</c>. UNCERTAIN:
        /// Dintero's subscription schema shows <c>config.secret</c> as an object with its <c>type</c> only (the answers never
        /// show the secret), and its headers table says the signature is keyed with "the secret config option"; the module
        /// reads the object as taking the secret in <c>value</c>. The other reading is a plain string in <c>config.secret</c>.
        /// </summary>
        public static WebhookSecret SecretOf(DinteroSecret secret) => new WebhookSecret { type = SecretType, value = secret };

        /// <summary>A subscription checked before it is sent: events known, a URL of http(s); every problem at once.</summary>
        public static WebhookSubscription Check(IReadOnlyList<string>? events, string? url, DinteroSecret? secret, bool insecureSsl)
        {
            var problems = new ProblemCollector();
            if (events == null || events.Count == 0) problems.Add("Event", $"Name at least one event, e.g. -Event account_add, account_update.");
            else for (var i = 0; i < events.Count; i++) problems.OneOf(events[i], All, $"Event[{i}]", "webhook event");
            if (string.IsNullOrWhiteSpace(url)) problems.Add("Url", "The URL Dintero delivers to is required, e.g. -Url https://hooks.example.com/dintero.");
            else if (!Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add("Url", $"'{url}' is no http or https URL: Dintero delivers by POST to one that the Internet reaches.");
            }
            if (problems.Problems.Count > 0) throw new DinteroValidationException("The webhook", problems.Problems);
            var config = new WebhookConfig { url = url!.Trim(), content_type = "application/json", insecure_ssl = insecureSsl ? 1 : 0 };
            if (secret != null) config.secret = SecretOf(secret);
            return new WebhookSubscription { config = config, events = events!.Distinct(StringComparer.Ordinal).ToList(), active = true };
        }

        /// <summary>The events of a subscription on a test account that Dintero will never send it (<see cref="ProductionOnly"/>).</summary>
        public static IReadOnlyList<string> NeverSentTo(string accountId, IEnumerable<string> events) =>
            AccountIdFormat.IsTest(accountId) ? events.Where(ProductionOnly.Contains).ToList() : (IReadOnlyList<string>)Array.Empty<string>();
    }
}
