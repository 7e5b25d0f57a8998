using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Waiting
{
    /// <summary>
    /// The approval case a pipeline record names by its <c>id</c>, for the approvals' waits: a case as the cmdlets write it,
    /// or the same case as plain columns (Export-Csv then Import-Csv, a report row, a hashtable, [pscustomobject]@{}).
    /// Null when it names none: the wait follows the newest case. Another model's id (a merchant's, a connection's) is no case's.
    /// </summary>
    internal static class PipedCase
    {
        public const string IdColumn = "id";

        public static string? IdOf<TCase>(object? input)
            where TCase : DinteroModel, IApprovalCase
        {
            var value = input is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : input;
            object? id;
            switch (value)
            {
                case null:
                    return null;
                case TCase typed:
                    return Text(typed.id);
                case DinteroModel _:
                case string _:
                    return null;
                case IDictionary map:
                    id = map.Contains(IdColumn) ? map[IdColumn] : null;
                    break;
                default:
                    var property = PSObject.AsPSObject(value).Properties[IdColumn];
                    id = property != null && property.IsGettable ? property.Value : null;
                    break;
            }
            return Text(id is PSObject cell ? cell.BaseObject : id);
        }

        private static string? Text(object? id)
        {
            var text = Convert.ToString(id, CultureInfo.InvariantCulture)?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }
    }
}
