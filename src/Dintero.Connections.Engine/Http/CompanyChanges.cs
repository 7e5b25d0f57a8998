using System.Linq;
using System.Reflection;
using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// <c>PUT .../management/settings</c> replaces the whole company, so changing one field means reading the
    /// company and sending it back with that field changed (<see cref="DinteroApi.ChangeCompanyAsync"/>). This
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

        /// <summary>
        /// The fields the changes set, for -WhatIf; at least one, and each checked as Dintero's rules say. Only what the
        /// command changes is checked: the company's other fields go back to Dintero as they were read, whatever they hold
        /// (Dintero's schema types company.email as plain text, and a stored value the module would not have written must
        /// not stop a change to the organization number).
        /// </summary>
        /// <exception cref="Errors.DinteroValidationException">Nothing is set, or a field set is not valid: nothing is sent.</exception>
        public static string[] Checked(AccountCompany changes)
        {
            var fields = FieldsSet(changes);
            if (fields.Length == 0)
            {
                throw new Errors.DinteroValidationException("The account settings", new[]
                {
                    new Validation.ValidationProblem("company", "Nothing to change: give -OrganizationNumber, -BusinessName, -Company or another company field."),
                });
            }
            var problems = Validation.SignupValidator.Validate(changes).Where(problem => fields.Any(field => Touches(problem.Path, field))).ToList();
            if (problems.Count > 0) throw new Errors.DinteroValidationException("The account company", problems);
            return fields;
        }

        // Whether a problem's path (company.address.country) is under a field the changes set (address).
        private static bool Touches(string path, string field)
        {
            var prefix = "company." + field;
            return path == prefix || path.StartsWith(prefix + ".", System.StringComparison.Ordinal) || path.StartsWith(prefix + "[", System.StringComparison.Ordinal);
        }

        public static string[] FieldsSet(AccountCompany changes) =>
            Fields.Where(property => property.GetValue(changes) != null).Select(property => property.Name).ToArray();

        private static readonly PropertyInfo[] Fields = typeof(AccountCompany).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
    }
}
