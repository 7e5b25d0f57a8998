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
