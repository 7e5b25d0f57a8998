using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;

namespace Dintero.Connections.Readiness
{
    /// <summary>
    /// Each connection kind's status column of a readiness row, from the registry (<see cref="ConnectionKinds.All"/>): the
    /// <see cref="MerchantReadiness"/> property named as the kind (any case: <c>payex</c> for PayEx). The row keeps a
    /// property per kind, so that Export-Csv writes a column each; a kind added to the registry is filled here without a
    /// word of readiness changed, once the row has its property (a test fails until it has).
    /// </summary>
    internal static class KindColumns
    {
        private static readonly IReadOnlyList<(ConnectionKind Kind, Action<MerchantReadiness, string?> Set)> Columns =
            ConnectionKinds.All.Select(kind => (kind, Setter(kind))).ToArray();

        /// <summary>Sets each kind's column to its status in the settings' <c>connection_status</c>; null for a kind the account lacks.</summary>
        public static void Fill(MerchantReadiness row, IDictionary<string, string?> statuses)
        {
            foreach (var (kind, set) in Columns) set(row, statuses.TryGetValue(kind.Name, out var status) ? status : null);
        }

        private static Action<MerchantReadiness, string?> Setter(ConnectionKind kind)
        {
            var column = typeof(MerchantReadiness).GetProperty(kind.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (column?.PropertyType != typeof(string) || column.SetMethod == null)
            {
                throw new InvalidOperationException($"{nameof(MerchantReadiness)} has no text property {kind.Name.ToLowerInvariant()} for the {kind.Name} kind's status: add one.");
            }
            return (Action<MerchantReadiness, string?>)Delegate.CreateDelegate(typeof(Action<MerchantReadiness, string?>), column.SetMethod);
        }
    }
}
