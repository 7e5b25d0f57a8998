using System;
using System.Collections.Generic;

namespace Dintero.Connections.Validation
{
    /// <summary>Finds the known word nearest to a mistyped one, for "did you mean" hints.</summary>
    public static class Suggestions
    {
        /// <summary>The closest candidate within a small edit distance, or null when none is close.</summary>
        public static string? Closest(string input, IEnumerable<string> candidates)
        {
            var normalizedInput = FieldNameComparer.Normalize(input);
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                var distance = EditDistance(normalizedInput, FieldNameComparer.Normalize(candidate));
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            // Allow about one edit per three characters: "stor_type" finds "store_type", "xyz" finds nothing.
            var allowed = Math.Max(1, normalizedInput.Length / 3);
            return bestDistance <= allowed ? best : null;
        }

        /// <summary>
        /// The one sentence for a value outside a closed list, wherever one is checked (ProblemCollector.OneOf, a
        /// parameter's validation): what it is not, what is accepted, and a "did you mean".
        /// </summary>
        public static string NotOneOf(string? value, IReadOnlyList<string> accepted, string what) =>
            $"'{value}' is not a valid {what}; accepted: {string.Join(", ", accepted)}.{DidYouMean(value ?? string.Empty, accepted)}";

        /// <summary>" Did you mean 'x'?" or an empty string.</summary>
        public static string DidYouMean(string input, IEnumerable<string> candidates)
        {
            var closest = Closest(input, candidates);
            return closest == null ? string.Empty : $" Did you mean '{closest}'?";
        }

        // Edits between two words, two letters swapped counting as one ("emial" is one edit from "email"): the optimal
        // string alignment distance, over three rows.
        private static int EditDistance(string a, string b)
        {
            var beforePrevious = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
                (beforePrevious, previous, current) = (previous, current, beforePrevious);
            }
            return previous[b.Length];
        }
    }
}
