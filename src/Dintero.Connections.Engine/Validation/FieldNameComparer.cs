using System;
using System.Collections.Generic;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// The one rule for input keys: case, '_' and '-' do not count, so <c>payment_options</c>, <c>PaymentOptions</c>
    /// and <c>payment-options</c> are one key. The binder compares with it (without building a normalized string for
    /// every lookup of every row); <see cref="Suggestions"/> measures distances between <see cref="Normalize"/>d keys.
    /// </summary>
    internal sealed class FieldNameComparer : IEqualityComparer<string>
    {
        public static readonly FieldNameComparer Instance = new FieldNameComparer();

        public bool Equals(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x == null || y == null) return false;
            int i = 0, j = 0;
            while (true)
            {
                while (i < x.Length && IsSeparator(x[i])) i++;
                while (j < y.Length && IsSeparator(y[j])) j++;
                if (i == x.Length || j == y.Length) return i == x.Length && j == y.Length;
                if (char.ToLowerInvariant(x[i]) != char.ToLowerInvariant(y[j])) return false;
                i++;
                j++;
            }
        }

        public int GetHashCode(string value)
        {
            var hash = 17;
            foreach (var c in value)
            {
                if (!IsSeparator(c)) hash = unchecked(hash * 31 + char.ToLowerInvariant(c));
            }
            return hash;
        }

        /// <summary>The key as this comparer sees it: lower case, without separators.</summary>
        public static string Normalize(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (!IsSeparator(c)) builder.Append(char.ToLowerInvariant(c));
            }
            return builder.ToString();
        }

        private static bool IsSeparator(char c) => c == '_' || c == '-';
    }
}
