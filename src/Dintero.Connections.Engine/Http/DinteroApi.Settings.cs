using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Http
{
    /// <summary>The account's settings (<c>.../management/settings</c>): its company and its connections' state.</summary>
    public sealed partial class DinteroApi
    {
        private const string SettingsPath = "management/settings";

        public Task<AccountSettings> GetAccountSettingsAsync(string accountId, CancellationToken cancellationToken = default) =>
            SendAsync<AccountSettings>(HttpMethod.Get, accountId, SettingsPath, null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);

        /// <summary>Replaces the account's company, e.g. to set the <c>organization_number</c> the Common signup needs.</summary>
        public Task<AccountSettings> UpdateAccountSettingsAsync(string accountId, AccountCompany company, CancellationToken cancellationToken = default)
        {
            if (company == null) throw new ArgumentNullException(nameof(company));
            SignupValidator.ThrowIfInvalid(SignupValidator.Validate(company), "The account company");
            // PUT replaces the company with the same body each time: safe to repeat.
            var body = new AccountSettingsUpdate { company = company };
            return SendAsync<AccountSettings>(HttpMethod.Put, accountId, SettingsPath, body, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>
        /// Changes the fields of the account's company that <paramref name="changes"/> sets and keeps the others: the
        /// PUT replaces the whole company, so the current one is read first (<see cref="CompanyChanges"/>).
        /// </summary>
        /// <exception cref="Errors.DinteroValidationException">A field set is not valid (<see cref="CompanyChanges.Checked"/>): nothing is read or sent.</exception>
        public async Task<AccountSettings> ChangeCompanyAsync(string accountId, AccountCompany changes, CancellationToken cancellationToken = default)
        {
            if (changes == null) throw new ArgumentNullException(nameof(changes));
            CompanyChanges.Checked(changes);
            var current = await GetAccountSettingsAsync(accountId, cancellationToken).ConfigureAwait(false);
            // Only the changes are checked: what Dintero holds goes back as it came.
            var body = new AccountSettingsUpdate { company = CompanyChanges.Apply(current.company, changes) };
            return await SendAsync<AccountSettings>(HttpMethod.Put, accountId, SettingsPath, body, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
        }
    }
}
