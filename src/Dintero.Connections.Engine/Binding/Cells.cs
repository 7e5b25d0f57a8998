using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// What a sheet's cell means, the one rule wherever a cell's value lands (a field of a model, a list item, a parameter
    /// taken by property name): its text trimmed, a blank cell meaning "not given", text holding U+FFFD refused as read in
    /// the wrong encoding and a cell holding only a report's mask refused as no value (<see cref="Rows.SheetShape"/>), and a list as items separated by ';' or ',' ("online;instore",
    /// "NOK,SEK", "admin:checkout;read:hooks"), each trimmed.
    /// </summary>
    public static class Cells
    {
        private static readonly char[] Separators = { ';', ',' };

        /// <summary>A cell's text as the module takes it.</summary>
        /// <param name="text">The cell as given.</param>
        /// <param name="cell">Trimmed; null for a blank cell.</param>
        /// <param name="problem">Why the text is refused (read in the wrong encoding); null when it is not.</param>
        /// <returns>False when refused.</returns>
        public static bool Text(string? text, out string? cell, out string? problem)
        {
            problem = null;
            cell = null;
            if (text == null) return true;
            var trimmed = text.Trim();
            if (trimmed.Length == 0) return true;
            problem = Rows.SheetShape.EncodingProblem(trimmed) ?? Rows.SheetShape.MaskProblem(trimmed);
            if (problem != null) return false;
            cell = trimmed;
            return true;
        }

        /// <summary>The items of one list cell, trimmed; separators side by side give no item.</summary>
        public static IEnumerable<string> Split(string cell) =>
            cell.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(item => item.Trim()).Where(item => item.Length > 0);

        /// <summary>A list parameter's values with every cell split; null stays null (the parameter was not given).</summary>
        public static IReadOnlyList<string>? Of(IEnumerable<string?>? values) =>
            values?.SelectMany(value => Split(value ?? string.Empty)).ToList();
    }
}
