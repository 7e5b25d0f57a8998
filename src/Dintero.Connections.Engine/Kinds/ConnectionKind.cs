using System;
using System.Collections.Generic;
using Dintero.Connections.Models;

namespace Dintero.Connections.Kinds
{
    /// <summary>
    /// One kind of payment connection, as Dintero's API has it: its name (the model's <c>connection_type</c>), its path
    /// under <c>.../management/settings/connections/</c>, where the account settings' <c>connections</c> hold it, and
    /// the answer's model. The one place a kind's facts live (<see cref="ConnectionKinds"/> lists them); the client, the
    /// cmdlets, the completers and the views ask here, and a kind never calls the client.
    /// </summary>
    public abstract class ConnectionKind
    {
        private protected ConnectionKind(string name, string path, string[] settingsPath)
        {
            Name = name;
            Path = path;
            SettingsPath = settingsPath;
        }

        /// <summary>As <c>Get-DinteroConnection -ConnectionType</c> takes it and as <c>connection_type</c> reads, e.g. <c>PayEx</c>.</summary>
        public string Name { get; }

        /// <summary>Below <c>connections/</c>, e.g. <c>payex/payex.creditcard</c>.</summary>
        public string Path { get; }

        /// <summary>Where <c>GET .../management/settings</c> holds it in <c>connections</c>, e.g. <c>payex</c>, <c>creditcard</c>.</summary>
        public IReadOnlyList<string> SettingsPath { get; }

        /// <summary>The model of Dintero's answer.</summary>
        public abstract Type ConnectionType { get; }

        /// <summary>What Dintero says of the kind when it is deprecated, and what to use instead; null when it is not.</summary>
        public string? Deprecation { get; internal set; }

        /// <summary>The kind's connection in the account settings' <c>connections</c>, as plain values; null when the account has none.</summary>
        public IDictionary<string, object?>? FindIn(IDictionary<string, object?>? connections)
        {
            object? node = connections;
            foreach (var key in SettingsPath) node = node is IDictionary<string, object?> map && map.TryGetValue(key, out var inner) ? inner : null;
            return node as IDictionary<string, object?>;
        }

        /// <summary>The connection of <see cref="FindIn"/> as the kind's model.</summary>
        internal Connection Read(IDictionary<string, object?> plain) => (Connection)Json.DinteroJson.Deserialize(Json.DinteroJson.SerializeToUtf8Bytes(plain), ConnectionType);

        public override string ToString() => Name;
    }

    /// <summary>A kind whose connection is read back as <typeparamref name="TConnection"/>.</summary>
    public class ConnectionKind<TConnection> : ConnectionKind where TConnection : Connection, new()
    {
        // The name is the model's own connection_type: written once, in the model.
        internal ConnectionKind(string path, params string[] settingsPath)
            : base(new TConnection().connection_type, path, settingsPath)
        {
        }

        public override Type ConnectionType => typeof(TConnection);
    }
}
