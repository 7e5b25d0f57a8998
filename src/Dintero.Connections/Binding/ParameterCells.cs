using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// A cmdlet's text parameters as the engine's cell rule (<see cref="Cells"/>) takes them, record by record: a sheet's
    /// column bound by property name (-OrganizationNumber from organization_number, -Name, -Url) is trimmed as a field's
    /// cell is, a blank one is not given, one read in the wrong encoding is refused. Typed on the command line, the same.
    /// </summary>
    internal static class ParameterCells
    {
        private static readonly ConcurrentDictionary<Type, Parameter[]> Known = new ConcurrentDictionary<Type, Parameter[]>();

        /// <summary>Applies the rule to every text parameter the cmdlet has a value for; the problems of those refused.</summary>
        public static IReadOnlyList<ValidationProblem> Apply(PSCmdlet cmdlet)
        {
            List<ValidationProblem>? problems = null;
            foreach (var parameter in Known.GetOrAdd(cmdlet.GetType(), Find))
            {
                var value = parameter.Property.GetValue(cmdlet);
                if (value == null) continue;
                if (value is string text)
                {
                    if (!Cells.Text(text, out var cell, out var problem)) (problems ??= new List<ValidationProblem>()).Add(new ValidationProblem(parameter.Key, problem!));
                    else if (!ReferenceEquals(cell, text)) parameter.Property.SetValue(cmdlet, cell);
                    continue;
                }
                var items = (string?[])value;
                var kept = new List<string>(items.Length);
                foreach (var item in items)
                {
                    if (!Cells.Text(item, out var cell, out var problem)) (problems ??= new List<ValidationProblem>()).Add(new ValidationProblem(parameter.Key, problem!));
                    else if (cell != null) kept.Add(cell);
                }
                if (kept.Count != items.Length || kept.Where((item, i) => !ReferenceEquals(item, items[i])).Any()) parameter.Property.SetValue(cmdlet, kept.Count == 0 ? null : kept.ToArray());
            }
            return (IReadOnlyList<ValidationProblem>?)problems ?? Array.Empty<ValidationProblem>();
        }

        // The cmdlet's [Parameter] properties of type string or string[]; named in a problem as a sheet's column would be.
        private static Parameter[] Find(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => (property.PropertyType == typeof(string) || property.PropertyType == typeof(string[])) && property.CanWrite
                    && property.GetCustomAttributes<ParameterAttribute>(inherit: true).Any())
                .Select(property => new Parameter(property, property.GetCustomAttribute<AliasAttribute>()?.AliasNames.FirstOrDefault() ?? property.Name))
                .ToArray();

        private sealed class Parameter
        {
            public Parameter(PropertyInfo property, string key)
            {
                Property = property;
                Key = key;
            }

            public PropertyInfo Property { get; }

            public string Key { get; }
        }
    }
}
