using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Clients
{
    /// <summary>
    /// How a client made (or given a new secret) comes out: the <see cref="ApiClient"/> as it is, with one more property,
    /// <c>Credential</c>, a PSCredential whose user name is the client_id and whose password is the secret Dintero showed
    /// once. What Set-Secret, New-AzAutomationCredential and Connect-Dintero -Credential take; a view, ConvertTo-Json
    /// (a SecureString's Length only) and Export-Csv (the type's name) show nothing of the secret.
    /// </summary>
    internal static class ApiClientOutput
    {
        public const string CredentialProperty = "Credential";

        /// <summary>
        /// Writes a client with its secret before anything else of its record that can fail: the secret is shown once,
        /// and a client made or rotated cannot be made again for the asking. When the output cannot take it (a pipeline
        /// stopped downstream), the host is told which client's secret was not delivered and how to get a new one, and the
        /// failure goes on up.
        /// </summary>
        public static void Deliver(Commands.DinteroCmdlet cmdlet, ApiClient client, DinteroSecret secret)
        {
            try
            {
                cmdlet.WriteObject(Of(client, secret));
            }
            catch (System.Exception)
            {
                try
                {
                    cmdlet.Host?.UI?.WriteErrorLine($"{cmdlet.MyInvocation.MyCommand.Name}: the API client '{client.client_id}' (id {client.id}) of account {client.account_id} has a new secret that was not delivered: "
                        + $"the pipeline stopped before the output took it. Give it another with Reset-DinteroApiClientSecret -AccountId {client.account_id} -Id {client.id}.");
                }
                catch (System.Exception)
                {
                    // No host to tell: the error that stopped the pipeline goes on up.
                }
                throw;
            }
        }

        public static PSObject Of(ApiClient client, DinteroSecret secret)
        {
            var output = PSObject.AsPSObject(client);
            output.Properties.Add(new PSNoteProperty(CredentialProperty, new PSCredential(client.client_id ?? string.Empty, secret.ToSecureString())));
            return output;
        }
    }
}
