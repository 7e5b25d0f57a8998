using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// Whether a connection read back after a change's answer was lost (no answer, a timeout, a 5xx) proves that this
    /// change was stored. Finding a connection proves nothing by itself: it may be the one that was there before. Proof
    /// takes both of:
    /// <list type="bullet">
    /// <item>stored after the request was sent: the stored signup's <c>created_at</c> (else the connection's) no earlier than
    /// the moment of sending on Dintero's clock. Dintero's timestamps are compared with Dintero's clock only: the moment of
    /// sending is this machine's, moved by the offset Dintero's <c>Date</c> headers show (<see cref="Http.ServerClock"/>), so
    /// a machine whose clock is minutes off is judged right. Both are whole seconds, hence one second of slack: an earlier
    /// signup stored within about a second before this one could pass for it, and only if it is the same signup;</item>
    /// <item>the signup sent: every field sent is stored with the same value (Dintero adds its own, such as
    /// <c>created_at</c>). A start without a body (Vipps) has the time alone.</item>
    /// </list>
    /// Found stored before the request, or not found: not stored, and sending it again is safe. Stored after it but not
    /// as sent (someone else's signup, or Dintero changed what it stored): cannot tell, so it is not sent again blind.
    /// </summary>
    public static class ReadBack
    {
        /// <summary>What Dintero's and the <c>Date</c> header's whole seconds may hide.</summary>
        public static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

        /// <param name="found">The connection read back; null when there is none (404).</param>
        /// <param name="sentSignup">The signup as sent, as plain values (<see cref="DinteroJson.ParsePlain"/>); null for a start without a body.</param>
        /// <param name="sentOnServerClock">When the request was sent, on Dintero's clock; null when no answer gave Dintero's time.</param>
        public static ReadBackJudgement Judge(Connection? found, IDictionary? sentSignup, DateTimeOffset? sentOnServerClock)
        {
            if (found == null) return ReadBackJudgement.NotStored("none");
            var plain = DinteroJson.ParsePlain(DinteroJson.Serialize(found)) as IDictionary;
            var storedSignup = plain?["signup"] as IDictionary;
            var storedAt = Time(storedSignup?["created_at"]) ?? found.created_at ?? found.updated_at;
            var status = found.status ?? "without a status";
            if (storedAt == null || sentOnServerClock == null)
            {
                return ReadBackJudgement.CannotTell($"a connection ({status}) with no time to compare with the request's ({(storedAt == null ? "Dintero gave no created_at or updated_at" : "no answer of Dintero's gave its time")})");
            }
            if (storedAt.Value < sentOnServerClock.Value - Slack)
            {
                return ReadBackJudgement.NotStored($"the connection as it was ({status}, its signup stored at {storedAt.Value:u}, before this one was sent at {sentOnServerClock.Value:u} on Dintero's clock)");
            }
            if (sentSignup != null && (storedSignup == null || !Holds(storedSignup, sentSignup)))
            {
                return ReadBackJudgement.CannotTell($"a signup stored at {storedAt.Value:u}, after this one was sent, that is not the one sent ({status})");
            }
            return ReadBackJudgement.Proved($"this signup stored at {storedAt.Value:u} ({status})");
        }

        /// <summary>Whether <paramref name="stored"/> holds every field of <paramref name="sent"/> with the same value.</summary>
        internal static bool Holds(object? stored, object? sent)
        {
            switch (sent)
            {
                case null:
                    return stored == null;
                case IDictionary fields:
                    if (!(stored is IDictionary storedFields)) return false;
                    foreach (DictionaryEntry field in fields)
                    {
                        if (!storedFields.Contains(field.Key) || !Holds(storedFields[field.Key], field.Value)) return false;
                    }
                    return true;
                case string text:
                    return stored is string storedText && string.Equals(text, storedText, StringComparison.Ordinal);
                case IList items:
                    if (!(stored is IList storedItems) || storedItems.Count != items.Count) return false;
                    return Enumerable.Range(0, items.Count).All(i => Holds(storedItems[i], items[i]));
                case bool flag:
                    return stored is bool storedFlag && storedFlag == flag;
                default:
                    return IsNumber(sent) && IsNumber(stored) && Convert.ToDecimal(sent, CultureInfo.InvariantCulture) == Convert.ToDecimal(stored, CultureInfo.InvariantCulture);
            }
        }

        private static bool IsNumber(object? value) => value is long || value is int || value is decimal || value is double;

        private static DateTimeOffset? Time(object? value) =>
            value is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
    }
}
