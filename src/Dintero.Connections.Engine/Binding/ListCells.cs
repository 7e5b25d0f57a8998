using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// How a sheet's cell holds a list: its items separated by ';' or ',' ("online;instore", "NOK,SEK",
    /// "admin:checkout;read:hooks"), each trimmed. The binder reads list fields so, and cmdlets their list parameters.
    /// </summary>
    public static class ListCells
    {
        private static readonly char[] Separators = { ';', ',' };

        /// <summary>The items of one cell, trimmed; separators side by side give no item.</summary>
        public static IEnumerable<string> Split(string cell) =>
            cell.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(item => item.Trim());

        /// <summary>A list parameter's values with every cell split; null stays null (the parameter was not given).</summary>
        public static IReadOnlyList<string>? Of(IEnumerable<string?>? values) =>
            values?.SelectMany(value => Split(value ?? string.Empty)).ToList();
    }
}
