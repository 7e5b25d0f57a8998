using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Dintero.Connections.Kinds;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Checkout
{
    /// <summary>
    /// Payment types, the one owner of how they are named and where a profile switches them: a type is <c>provider</c>
    /// (<c>vipps</c>) or <c>provider.product</c> (<c>bambora.creditcard</c>), and a profile's configuration holds its switch
    /// at <c>configuration.vipps.enabled</c> or <c>configuration.bambora.creditcard.enabled</c> (Dintero's profile examples,
    /// checkout-api/profiles, 2026). What a merchant's enabled connections give is read off them here too.
    /// </summary>
    public static class PaymentTypes
    {
        /// <summary>
        /// <c>configuration.active_payment_types.enabled</c>: read as "every payment type the account has active is shown",
        /// whatever its own switch. UNCERTAIN: Dintero's profile examples show the field without saying what it does; the
        /// module reads it from its name, and says so when it switches a type in a profile that has it on.
        /// </summary>
        public const string ActivePaymentTypes = "active_payment_types";

        private static readonly Regex Shape = new Regex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$", RegexOptions.CultureInvariant);

        /// <summary>Types for tab completion: the signups' lists and Dintero's profile examples. Open: a new type is not refused.</summary>
        public static readonly IReadOnlyList<string> Known = new[] { "dintero.zero", "dintero.wallets", "dintero_psp.creditcard", "vipps", "bambora.applepay", "bambora.googlepay" }
            .Concat(KnownValues.BamboraPaymentOptionTypes).Concat(KnownValues.CollectorPaymentOptionTypes).Concat(KnownValues.InstabankPaymentOptionTypes)
            .Concat(KnownValues.PayExPaymentOptionTypes).Concat(KnownValues.SwishPaymentOptionTypes).Distinct(StringComparer.Ordinal).OrderBy(type => type, StringComparer.Ordinal).ToArray();

        /// <summary>
        /// The payment types an ACTIVE payment approval gives: its payment methods acquired by Dintero, as the checkout names
        /// them (<c>creditcard</c> is <c>dintero_psp.creditcard</c>). UNCERTAIN: Dintero documents the approval's methods and
        /// the checkout's types apart; the module maps the one it can match, and <c>ipp</c> (in-person payments, taken at a
        /// terminal) gives no checkout type.
        /// </summary>
        public static IEnumerable<string> OfApproval(Models.PaymentApproval approval) =>
            (approval.payment_methods ?? new List<Models.ApprovalPaymentMethod>())
                .Select(method => method?.payment_method)
                .Where(method => method == "creditcard")
                .Select(method => "dintero_psp." + method);

        /// <summary>The problem with a type's name, or null: <c>provider</c> or <c>provider.product</c>, lowercase.</summary>
        public static ValidationProblem? Check(string? type, string path)
        {
            if (type != null && Shape.IsMatch(type) && !type.StartsWith(ActivePaymentTypes, StringComparison.Ordinal)) return null;
            return new ValidationProblem(path, $"'{type}' is no payment type: a provider, or a provider and a product with a dot, in lowercase (e.g. vipps, bambora.creditcard).{Suggestions.DidYouMean(type ?? string.Empty, Known)}");
        }

        /// <summary>The types a configuration switches on, in its order: <c>vipps</c>, <c>bambora.creditcard</c>, ...</summary>
        public static List<string> SwitchedOn(IDictionary<string, object?>? configuration)
        {
            var on = new List<string>();
            if (configuration == null) return on;
            foreach (var provider in configuration)
            {
                if (provider.Key == ActivePaymentTypes || !(provider.Value is IDictionary<string, object?> settings)) continue;
                if (Enabled(settings)) on.Add(provider.Key);
                foreach (var product in settings)
                {
                    if (product.Value is IDictionary<string, object?> switches && Enabled(switches)) on.Add(provider.Key + "." + product.Key);
                }
            }
            return on;
        }

        /// <summary>Whether the configuration shows the type: its own switch is on, or every active type is (<see cref="ActivePaymentTypes"/>).</summary>
        public static bool IsOn(IDictionary<string, object?>? configuration, string type) =>
            configuration != null && (AllActive(configuration) || SwitchedOn(configuration).Contains(type, StringComparer.Ordinal));

        /// <summary>True when <c>active_payment_types.enabled</c> is on.</summary>
        public static bool AllActive(IDictionary<string, object?> configuration) =>
            configuration.TryGetValue(ActivePaymentTypes, out var active) && active is IDictionary<string, object?> switches && Enabled(switches);

        /// <summary>
        /// A copy of the configuration with the type's switch set, and nothing else changed; a provider or product not yet in
        /// it is added as Dintero's examples have them (<c>"type": "payment_type"</c>, <c>"payment_product_type"</c>).
        /// </summary>
        public static Dictionary<string, object?> Switch(IDictionary<string, object?>? configuration, string type, bool on)
        {
            var copy = Copy(configuration);
            var parts = type.Split('.');
            var provider = Child(copy, parts[0], parts.Length == 2 ? "payment_type" : null);
            if (parts.Length == 1)
            {
                provider["enabled"] = on;
                return copy;
            }
            Child(provider, parts[1], "payment_product_type")["enabled"] = on;
            return copy;
        }

        /// <summary>
        /// The payment types a merchant's enabled connections give: each enabled connection's configuration's
        /// payment_options where it has them (Bambora, an enabled Vipps), else its signup's (Common and the providers'
        /// signups); an enabled Vipps connection without either gives <c>vipps</c>. UNCERTAIN: that the signup's payment
        /// options are the ones enabled when the connection is (Dintero's connection answers carry both).
        /// </summary>
        public static List<string> OfConnections(IDictionary<string, object?>? connections)
        {
            var types = new List<string>();
            foreach (var kind in ConnectionKinds.All)
            {
                var connection = kind.FindIn(connections);
                if (connection == null || !(connection.TryGetValue("status", out var status) && status as string == KnownValues.Enabled)) continue;
                var options = OptionsIn(connection, "configuration") ?? OptionsIn(connection, "signup");
                if (options == null && kind == ConnectionKinds.Vipps) options = new[] { "vipps" };
                foreach (var type in options ?? Array.Empty<string>())
                {
                    if (!types.Contains(type, StringComparer.Ordinal)) types.Add(type);
                }
            }
            return types;
        }

        private static IReadOnlyList<string>? OptionsIn(IDictionary<string, object?> connection, string part)
        {
            if (!connection.TryGetValue(part, out var value) || !(value is IDictionary<string, object?> nested) || !nested.TryGetValue("payment_options", out var options) || !(options is IEnumerable list)) return null;
            var types = list.OfType<IDictionary<string, object?>>().Select(option => option.TryGetValue("type", out var type) ? type as string : null).Where(type => type != null).Select(type => type!).ToList();
            return types.Count == 0 ? null : types;
        }

        private static bool Enabled(IDictionary<string, object?> switches) => switches.TryGetValue("enabled", out var enabled) && enabled is bool flag && flag;

        private static Dictionary<string, object?> Child(Dictionary<string, object?> parent, string name, string? typeName)
        {
            if (parent.TryGetValue(name, out var existing) && existing is Dictionary<string, object?> child) return child;
            child = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (typeName != null) child["type"] = typeName;
            parent[name] = child;
            return child;
        }

        // Deep enough for the switches: dictionaries are copied, everything else (lists, values) is kept as it is.
        private static Dictionary<string, object?> Copy(IDictionary<string, object?>? source)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (source == null) return copy;
            foreach (var pair in source) copy[pair.Key] = pair.Value is IDictionary<string, object?> nested ? Copy(nested) : pair.Value;
            return copy;
        }
    }
}
