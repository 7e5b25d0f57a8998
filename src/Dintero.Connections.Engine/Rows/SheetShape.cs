using System;
using System.Linq;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// How a sheet looks when it was read wrong, and the one sentence that says how to read it right: a row with one
    /// column whose name holds the real column names joined by the file's own separator (an Excel sheet saved with ';',
    /// read by Import-Csv with its default ','), and text holding U+FFFD, the mark of a file read in the wrong encoding
    /// (Excel's "CSV" in Norway and Sweden is Windows-1252; Import-Csv reads UTF-8).
    /// </summary>
    public static class SheetShape
    {
        /// <summary>The character a decoder puts where bytes were not text in the encoding it was told.</summary>
        public const char Replacement = '\uFFFD';

        private static readonly char[] Separators = { ';', '\t', ',' };

        /// <summary>
        /// The -Delimiter hint for a column <paramref name="key"/> that is several known column names joined by one
        /// separator; null when it is not.
        /// </summary>
        /// <param name="key">A column's name as the row has it.</param>
        /// <param name="isKnown">Whether a name is a column the command takes.</param>
        public static string? DelimiterHint(string key, Func<string, bool> isKnown)
        {
            foreach (var separator in Separators)
            {
                if (key.IndexOf(separator) < 0) continue;
                var parts = key.Split(separator).Select(part => part.Trim().Trim('"')).Where(part => part.Length > 0).ToList();
                if (parts.Count < 2 || !parts.Any(isKnown)) continue;
                var name = separator == '\t' ? "a tab" : $"'{separator}'";
                var parameter = separator == '\t' ? "\"`t\"" : $"'{separator}'";
                return $"The sheet was read as one column named '{Shorten(key)}': its columns are separated by {name}. Read it with Import-Csv -Delimiter {parameter}"
                    + (separator == ';' ? " (or -UseCulture where ';' is the list separator, as in Norway and Sweden)." : ".");
            }
            return null;
        }

        /// <summary>
        /// The problem with a cell that holds only the mask a report, a view or an error writes in place of a secret or a
        /// personal number (<c>***</c>, or ConvertTo-Json's <c>{"Masked": "***"}</c>): a report exported to a file and
        /// read back as input. Sent, it would be stored as the value. Null when the text is not the mask.
        /// </summary>
        public static string? MaskProblem(string text) =>
            text == Models.DinteroSecret.Mask
                ? $"is {Models.DinteroSecret.Mask}, the mask a report writes in place of a secret or a personal number, not the value: a report saved to a file does not keep it. "
                    + "Take the value from the original sheet, or pipe the report itself back: $report keeps the values, masked only when shown."
                : null;

        /// <summary>The problem with a cell's text that holds U+FFFD; null when it holds none.</summary>
        public static string? EncodingProblem(string text)
        {
            if (text.IndexOf(Replacement) < 0) return null;
            return $"'{Shorten(text)}' holds U+FFFD ({Replacement}), the mark of a file read in the wrong encoding: Excel saves \"CSV\" in Windows-1252 in Norway and Sweden. "
                + "Read it with Import-Csv -Encoding 1252 (in Windows PowerShell 5.1: -Encoding Default), or save the sheet as \"CSV UTF-8\".";
        }

        private static string Shorten(string text)
        {
            var shown = Redaction.Redactor.Shapes.Redact(text);
            return shown.Length > 60 ? shown.Substring(0, 60) + "…" : shown;
        }
    }
}
