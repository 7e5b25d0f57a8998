using System.Linq;
using System.Reflection;
using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// <c>PUT .../management/settings</c> replaces the whole company, so changing one field means reading the
    /// company and sending it back with that field changed (<see cref="DinteroClient.ChangeCompanyAsync"/>). This
    /// overlays the given fields on the current company.
    /// </summary>
    public static class CompanyChanges
    {
        /// <summary>A copy of <paramref name="current"/> with every non-null field of <paramref name="changes"/> applied.</summary>
        public static AccountCompany Apply(AccountCompany? current, AccountCompany changes)
        {
            var result = Json.DinteroJson.Deserialize<AccountCompany>(Json.DinteroJson.Serialize(current ?? new AccountCompany()));
            foreach (var property in Fields)
            {
                var value = property.GetValue(changes);
                if (value != null) property.SetValue(result, value);
            }
            foreach (var extra in changes.GetAdditionalProperties()) result.SetAdditionalProperty(extra.Key, extra.Value);
            return result;
        }

        /// <summary>The names of the fields <paramref name="changes"/> sets, for -WhatIf messages.</summary>
        /// <summary>The fields the changes set, for -WhatIf; at least one.</summary>
        /// <exception cref="Errors.DinteroValidationException">Nothing is set: there is nothing to send.</exception>
        public static string[] Checked(AccountCompany changes)
        {
            var fields = FieldsSet(changes);
            if (fields.Length > 0) return fields;
            throw new Errors.DinteroValidationException("The account settings", new[]
            {
                new Validation.ValidationProblem("company", "Nothing to change: give -OrganizationNumber, -BusinessName, -Company or another company field."),
            });
        }

        public static string[] FieldsSet(AccountCompany changes) =>
            Fields.Where(property => property.GetValue(changes) != null).Select(property => property.Name).ToArray();

        private static readonly PropertyInfo[] Fields = typeof(AccountCompany).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
    }
}
