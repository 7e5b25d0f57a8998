using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// Unwraps PowerShell's objects into the plain dictionaries and lists the engine's <see cref="InputBinder"/>
    /// binds: a PSCustomObject (Import-Csv, ConvertFrom-Json, [pscustomobject]@{}) becomes an ordered dictionary of
    /// its properties; a PSObject around anything else becomes what it wraps.
    /// </summary>
    internal static class PowerShellInput
    {
        /// <summary>
        /// What a pipeline record says of its account (<see cref="Rows.RowAccount"/>): a sheet's row, a hashtable or JSON text
        /// by its keys, any other object by its properties (a merchant from Get-DinteroAccount, a connection), as PowerShell
        /// binds by property name; a string is itself the account id where <paramref name="stringIsAccount"/> says so.
        /// </summary>
        public static Rows.RecordAccount AccountOf(object? record, bool stringIsAccount)
        {
            var value = record is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : record;
            switch (value)
            {
                case null:
                    return Rows.RecordAccount.None;
                case string text:
                    if (stringIsAccount) return Rows.RecordAccount.Itself(text);
                    return text.TrimStart().StartsWith("{", System.StringComparison.Ordinal) ? Rows.RecordAccount.FromJson(text) : Rows.RecordAccount.None;
                case IDictionary map:
                    return Rows.RecordAccount.FromMap(map);
                default:
                    var names = new List<string>();
                    foreach (var property in PSObject.AsPSObject(value).Properties)
                    {
                        if (Rows.RowAccount.IsAccountKey(property.Name.Trim()))
                        {
                            var cell = property.IsGettable ? property.Value : null;
                            return Rows.RecordAccount.Cell(property.Name, cell == null ? null : System.Convert.ToString(cell is PSObject inner ? inner.BaseObject : cell, CultureInfo.InvariantCulture));
                        }
                        names.Add(property.Name);
                    }
                    // A typed object without an account property (a model) names none, and has no column to suggest.
                    return value is PSObject custom && custom.BaseObject is PSCustomObject ? Rows.RecordAccount.Missing(names) : Rows.RecordAccount.None;
            }
        }

        public static object? ToPlain(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case PSObject wrapped when wrapped.BaseObject is PSCustomObject:
                    var properties = new OrderedDictionary();
                    foreach (var property in wrapped.Properties)
                    {
                        if (property.IsGettable) properties[property.Name] = ToPlain(property.Value);
                    }
                    return properties;
                case PSObject wrapped:
                    return ToPlain(wrapped.BaseObject);
                case string _:
                case DinteroModel _:
                    return value;
                case IDictionary map:
                    var copy = new OrderedDictionary();
                    foreach (DictionaryEntry entry in map)
                    {
                        copy[System.Convert.ToString(ToPlain(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty] = ToPlain(entry.Value);
                    }
                    return copy;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var item in sequence) list.Add(ToPlain(item));
                    return list;
                default:
                    return value;
            }
        }
    }
}
