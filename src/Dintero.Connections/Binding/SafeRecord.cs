using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// A failed record as its error's TargetObject: a PSCustomObject of its flat columns (the engine's
    /// <see cref="RecordColumns"/>), personal numbers held as DinteroSecret, so that Get-Error and every error view print
    /// *** for them, while the record piped back into the cmdlet binds as the original did.
    /// </summary>
    internal static class SafeRecord
    {
        /// <summary>The masked copy; null for input that has no columns (an id, a path), which is its own target.</summary>
        /// <param name="plain">The record, unwrapped (<see cref="PowerShellInput.ToPlain"/>).</param>
        /// <param name="accountId">The account the record was for, put first when the record has no account column of its own.</param>
        public static PSObject? Of(object? plain, string? accountId)
        {
            var columns = RecordColumns.Of(plain).ToList();
            if (columns.Count == 0) return null;
            var record = new PSObject();
            if (accountId != null && !columns.Any(column => RowAccount.IsAccountKey(column.Key))) record.Properties.Add(new PSNoteProperty("account_id", accountId));
            foreach (var column in columns)
            {
                if (record.Properties[column.Key] == null) record.Properties.Add(new PSNoteProperty(column.Key, column.Value));
            }
            return record;
        }
    }
}
