using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Connections
{
    /// <summary>
    /// One kind of payment connection, as Dintero's API has it: its name (<see cref="ConnectionType"/>), its path under
    /// <c>.../management/settings/connections/</c>, where the account settings' <c>connections</c> hold it, and the
    /// answer's model. The one place a kind's facts live; the client, the cmdlets and the views ask here.
    /// </summary>
    public abstract class ConnectionKind
    {
        private protected ConnectionKind(string name, string path, string[] settingsPath)
        {
            Name = name;
            Path = path;
            SettingsPath = settingsPath;
        }

        /// <summary>As <c>Get-DinteroConnection -Type</c> takes it, e.g. <c>PayEx</c>.</summary>
        public string Name { get; }

        /// <summary>Below <c>connections/</c>, e.g. <c>payex/payex.creditcard</c>.</summary>
        public string Path { get; }

        /// <summary>Where <c>GET .../management/settings</c> holds it in <c>connections</c>, e.g. <c>payex</c>, <c>creditcard</c>.</summary>
        public IReadOnlyList<string> SettingsPath { get; }

        /// <summary>The model of Dintero's answer.</summary>
        public abstract Type ConnectionType { get; }

        internal abstract Task<Connection> GetAsync(DinteroClient client, string accountId, CancellationToken cancellationToken);

        internal abstract Connection Read(object plain);

        public override string ToString() => Name;
    }

    /// <summary>A kind whose connection is read back as <typeparamref name="TConnection"/>.</summary>
    public class ConnectionKind<TConnection> : ConnectionKind where TConnection : Connection
    {
        internal ConnectionKind(string name, string path, params string[] settingsPath)
            : base(name, path, settingsPath)
        {
        }

        public override Type ConnectionType => typeof(TConnection);

        internal override async Task<Connection> GetAsync(DinteroClient client, string accountId, CancellationToken cancellationToken) =>
            await client.GetConnectionAsync(this, accountId, cancellationToken).ConfigureAwait(false);

        internal override Connection Read(object plain) => Json.DinteroJson.Deserialize<TConnection>(Json.DinteroJson.SerializeToUtf8Bytes(plain));
    }

    /// <summary>A kind created from a signup body (<c>{"signup": ...}</c>), checked before it is sent.</summary>
    public sealed class SignupKind<TSignup, TConnection> : ConnectionKind<TConnection>
        where TSignup : DinteroModel
        where TConnection : Connection
    {
        private readonly Func<TSignup, IReadOnlyList<ValidationProblem>> validate;
        private readonly Func<TSignup, IReadOnlyCollection<string>> sensitiveValues;
        private readonly Func<TSignup, IEnumerable<PaymentOption>?> paymentOptions;

        internal SignupKind(string name, string path, string[] settingsPath, Func<TSignup, IReadOnlyList<ValidationProblem>> validate,
            Func<TSignup, IReadOnlyCollection<string>> sensitiveValues, Func<TSignup, IEnumerable<PaymentOption>?> paymentOptions)
            : base(name, path, settingsPath)
        {
            this.validate = validate;
            this.sensitiveValues = sensitiveValues;
            this.paymentOptions = paymentOptions;
        }

        /// <summary>How the signup is named in errors, e.g. "The Common signup".</summary>
        public string What => $"The {Name} signup";

        /// <summary>Every problem of the signup, each under its JSON path below <c>signup</c>.</summary>
        public IReadOnlyList<ValidationProblem> Validate(TSignup signup) => validate(signup);

        /// <summary>The payment option types the signup asks for, for -WhatIf and -Confirm.</summary>
        public IEnumerable<string> PaymentOptionTypes(TSignup signup)
        {
            var options = paymentOptions(signup);
            if (options == null) yield break;
            foreach (var option in options)
            {
                if (option?.type != null) yield return option.type;
            }
        }

        /// <summary>Personal values of the signup, masked by value in whatever is logged or thrown for its request.</summary>
        internal IReadOnlyCollection<string> SensitiveValues(TSignup signup) => sensitiveValues(signup);
    }
}
