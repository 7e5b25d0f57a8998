using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Parameters;
using Dintero.Connections.Redaction;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Kinds
{
    /// <summary>
    /// Every connection kind the module covers, the one list of them (the providers' callbacks are not for merchants
    /// and are left out): -ConnectionType's completion and checks, the "accepted:" lists, Get-DinteroConnection's
    /// reading of the settings, the settings view's statuses and the readiness row's columns all come from
    /// <see cref="All"/>. A module test ties each kind to its model, its views and its cmdlets.
    /// </summary>
    public static class ConnectionKinds
    {
        public static readonly SignupKind<CommonConnectionSignup, CommonConnection> Common = new SignupKind<CommonConnectionSignup, CommonConnection>(
            "common", new[] { "common" }, SignupValidator.Validate, SensitiveValues.Of, signup => signup.payment_options);

        /// <summary>Deprecated by Dintero (changelog 2023-09-01): new merchants get Bambora through the Common signup's bambora.* options.</summary>
        public static readonly SignupKind<BamboraConnectionSignup, BamboraConnection> Bambora = new SignupKind<BamboraConnectionSignup, BamboraConnection>(
            "bambora", new[] { "bambora" }, SignupValidator.Validate, SensitiveValues.Of, signup => signup.payment_options)
        {
            Deprecation = "Dintero has deprecated the Bambora signup endpoint (changelog 2023-09-01). For new merchants, use New-DinteroCommonConnection with bambora.* payment options, e.g. @{ payment_options = @{ type = 'bambora.creditcard'; currencies = 'NOK' }; store_type = 'online' }.",
        };

        public static readonly SignupKind<CollectorConnectionSignup, CollectorConnection> Collector = new SignupKind<CollectorConnectionSignup, CollectorConnection>(
            "collector", new[] { "collector" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        public static readonly SignupKind<InstabankConnectionSignup, InstabankConnection> Instabank = new SignupKind<InstabankConnectionSignup, InstabankConnection>(
            "instabank", new[] { "instabank" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        /// <summary>Dintero's only PayEx product type, <c>payex.creditcard</c>, is part of the path.</summary>
        public static readonly SignupKind<PayExConnectionSignup, PayExConnection> PayEx = new SignupKind<PayExConnectionSignup, PayExConnection>(
            "payex/payex.creditcard", new[] { "payex", "creditcard" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        public static readonly SignupKind<SwishConnectionSignup, SwishConnection> Swish = new SignupKind<SwishConnectionSignup, SwishConnection>(
            "swish", new[] { "swish" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        /// <summary>Takes no signup body: a POST starts the signup, a PUT restarts it.</summary>
        public static readonly ConnectionKind<VippsConnection> Vipps = new ConnectionKind<VippsConnection>("vipps", "vipps");

        /// <summary>Every kind, in the order output lists them.</summary>
        public static readonly IReadOnlyList<ConnectionKind> All = new ConnectionKind[] { Common, Bambora, Collector, Instabank, PayEx, Swish, Vipps };

        /// <summary>The kinds' names, in <see cref="All"/>'s order: what -ConnectionType takes.</summary>
        public static readonly IReadOnlyList<string> Names = All.Select(kind => kind.Name).ToArray();

        /// <summary>The kind named <paramref name="name"/> (any case), or a validation error that names the nearest.</summary>
        /// <param name="name">As the user gave it.</param>
        /// <param name="path">Where the name came from, for the error: the parameter (<see cref="ConnectionTypeNames.Parameter"/>), or a column.</param>
        public static ConnectionKind Named(string? name, string path = ConnectionTypeNames.Parameter)
        {
            var kind = All.FirstOrDefault(candidate => string.Equals(candidate.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (kind != null) return kind;
            throw new DinteroValidationException("The connection type", new[] { new ValidationProblem(path, ProblemCollector.NotOneOf(name, Names, "connection type")) });
        }


        /// <summary>The kind whose signup and answer are these types; looked up once per pair of types, not per call.</summary>
        public static SignupKind<TSignup, TConnection> Of<TSignup, TConnection>()
            where TSignup : DinteroModel
            where TConnection : Connection, new() =>
            KindOf<TSignup, TConnection>.Kind;

        /// <summary>Each kind's status in the account settings' <c>connections</c>, by kind name, for the kinds the account has.</summary>
        public static IDictionary<string, string?> StatusesIn(IDictionary<string, object?>? connections)
        {
            var statuses = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var kind in All)
            {
                var found = kind.FindIn(connections);
                if (found != null) statuses[kind.Name] = found.TryGetValue("status", out var status) ? status as string : null;
            }
            return statuses;
        }

        private static class KindOf<TSignup, TConnection>
            where TSignup : DinteroModel
            where TConnection : Connection, new()
        {
            public static readonly SignupKind<TSignup, TConnection> Kind = All.OfType<SignupKind<TSignup, TConnection>>().Single();
        }
    }
}
