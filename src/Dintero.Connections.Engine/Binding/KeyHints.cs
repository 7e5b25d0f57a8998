using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Binding
{
    /// <summary>What a key the binder does not know probably meant: a field one level down, or a sheet read with the wrong separator.</summary>
    internal static class KeyHints
    {
        /// <summary>
        /// The dotted path of a field one level down whose name <paramref name="key"/> misses by a typo, such as
        /// <c>revenue.yearly_revenue</c> for <c>yearly_revenu</c>. An exact name is no typo: a master sheet's
        /// <c>email</c> column is meant for Set-DinteroAccountSetting, not for <c>applicant.email</c>.
        /// </summary>
        public static string? NestedField(Type modelType, string key)
        {
            foreach (var property in ModelFields.Of(modelType).Properties)
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) type = type.GetGenericArguments()[0];
                if (!ModelFields.IsModel(type)) continue;
                var names = ModelFields.Of(type).Names.ToList();
                var closest = Suggestions.Closest(key, names);
                if (closest != null && !FieldNameComparer.Instance.Equals(closest, key)) return property.Name + "." + closest;
            }
            return null;
        }

        /// <summary>The -Delimiter hint for a row whose keys hold whole lines of another separator (a sheet read with the wrong one); null when they do not.</summary>
        public static string? WrongDelimiter(IDictionary source, ModelFields fields, TopLevelKeys topLevel)
        {
            if (source.Count > 2) return null;
            foreach (var key in source.Keys)
            {
                var text = Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
                var hint = Rows.SheetShape.DelimiterHint(text, name => fields.Find(DottedKeys.Head(name)) != null || topLevel.IsParameter(name));
                if (hint != null) return hint;
            }
            return null;
        }
    }
}
