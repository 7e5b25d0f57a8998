using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Redaction;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Connections
{
    /// <summary>Every connection kind the module covers (the providers' callbacks are not for merchants and are left out).</summary>
    public static class ConnectionKinds
    {
        public static readonly SignupKind<CommonConnectionSignup, CommonConnection> Common = new SignupKind<CommonConnectionSignup, CommonConnection>(
            ConnectionType.Common, "common", new[] { "common" }, SignupValidator.Validate, SensitiveValues.Of, signup => signup.payment_options);

        /// <summary>Deprecated by Dintero (changelog 2023-09-01): new merchants get Bambora through the Common signup's bambora.* options.</summary>
        public static readonly SignupKind<BamboraConnectionSignup, BamboraConnection> Bambora = new SignupKind<BamboraConnectionSignup, BamboraConnection>(
            ConnectionType.Bambora, "bambora", new[] { "bambora" }, SignupValidator.Validate, SensitiveValues.Of, signup => signup.payment_options);

        public static readonly SignupKind<CollectorConnectionSignup, CollectorConnection> Collector = new SignupKind<CollectorConnectionSignup, CollectorConnection>(
            ConnectionType.Collector, "collector", new[] { "collector" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        public static readonly SignupKind<InstabankConnectionSignup, InstabankConnection> Instabank = new SignupKind<InstabankConnectionSignup, InstabankConnection>(
            ConnectionType.Instabank, "instabank", new[] { "instabank" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        /// <summary>Dintero's only PayEx product type, <c>payex.creditcard</c>, is part of the path.</summary>
        public static readonly SignupKind<PayExConnectionSignup, PayExConnection> PayEx = new SignupKind<PayExConnectionSignup, PayExConnection>(
            ConnectionType.PayEx, "payex/payex.creditcard", new[] { "payex", "creditcard" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        public static readonly SignupKind<SwishConnectionSignup, SwishConnection> Swish = new SignupKind<SwishConnectionSignup, SwishConnection>(
            ConnectionType.Swish, "swish", new[] { "swish" }, SignupValidator.Validate, signup => SensitiveValues.Of(signup.account_number), signup => signup.payment_options);

        /// <summary>Takes no signup body: a POST starts the signup, a PUT restarts it.</summary>
        public static readonly ConnectionKind<VippsConnection> Vipps = new ConnectionKind<VippsConnection>(ConnectionType.Vipps, "vipps", "vipps");

        /// <summary>In <see cref="ConnectionType.All"/>'s order.</summary>
        public static readonly IReadOnlyList<ConnectionKind> All = new ConnectionKind[] { Common, Bambora, Collector, Instabank, PayEx, Swish, Vipps };

        /// <summary>The kind named <paramref name="name"/> (any case), or a validation error that names the nearest.</summary>
        public static ConnectionKind Named(string? name)
        {
            var kind = All.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
            if (kind != null) return kind;
            throw new DinteroValidationException("The connection type", new[]
            {
                new ValidationProblem("type", $"'{name}' is not a connection type; accepted: {string.Join(", ", ConnectionType.All)}.{Suggestions.DidYouMean(name ?? string.Empty, ConnectionType.All)}"),
            });
        }

        /// <summary>The kind whose signup and answer are these types; looked up once per pair of types, not per call.</summary>
        public static SignupKind<TSignup, TConnection> Of<TSignup, TConnection>()
            where TSignup : DinteroModel
            where TConnection : Connection =>
            KindOf<TSignup, TConnection>.Kind;

        private static class KindOf<TSignup, TConnection>
            where TSignup : DinteroModel
            where TConnection : Connection
        {
            public static readonly SignupKind<TSignup, TConnection> Kind = All.OfType<SignupKind<TSignup, TConnection>>().Single();
        }
    }
}
