using System;
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
        /// and a client made or rotated cannot be made again for the asking. When the output cannot take it, the client
        /// is named as not delivered (<see cref="NotDelivered"/>) and the failure goes on up.
        /// </summary>
        /// <param name="cmdlet">Whose output.</param>
        /// <param name="client">The client.</param>
        /// <param name="secret">Its secret, shown once.</param>
        /// <param name="report">Told what to say in the row's report when the secret was not delivered; null for no report.</param>
        public static void Deliver(Commands.DinteroCmdlet cmdlet, ApiClient client, DinteroSecret secret, Action<string, string>? report = null)
        {
            try
            {
                cmdlet.WriteObject(Of(client, secret));
            }
            catch (Exception stop) when (TakenThenStopped(cmdlet, stop))
            {
                throw;
            }
            catch (Exception)
            {
                NotDelivered(cmdlet, client, report);
                throw;
            }
        }

        /// <summary>
        /// Names a client whose secret the output did not take (the pipeline stopped, downstream or by Ctrl+C): on the host,
        /// which still writes when the streams are shut, and in the row's report, with the command that gives it another.
        /// </summary>
        public static void NotDelivered(Commands.DinteroCmdlet cmdlet, ApiClient client, Action<string, string>? report)
        {
            var reset = $"Reset-DinteroApiClientSecret -AccountId {client.account_id} -Id {client.id}";
            report?.Invoke($"The client was made, but its secret was not delivered: the pipeline stopped before the output took it, and Dintero shows a secret once.", $"Give it another secret: {reset}");
            try
            {
                cmdlet.Host?.UI?.WriteErrorLine($"{cmdlet.MyInvocation.MyCommand.Name}: the API client '{client.client_id}' (id {client.id}) of account {client.account_id} has a new secret that was not delivered: "
                    + $"the pipeline stopped before the output took it. Give it another with {reset}.");
            }
            catch (Exception)
            {
                // No host to tell (a job being torn down): the report says it, where one is kept.
            }
        }

        public static PSObject Of(ApiClient client, DinteroSecret secret)
        {
            var output = PSObject.AsPSObject(client);
            output.Properties.Add(new PSNoteProperty(CredentialProperty, new PSCredential(client.client_id ?? string.Empty, secret.ToSecureString())));
            return output;
        }

        // A pipeline stopped downstream (Select-Object -First) stops at the write of the object that was enough, which the
        // downstream took: PowerShell 7.6 throws a PipelineStoppedException at that write (the StopUpstreamCommandsException
        // is taken too, should it come through) while the command is neither stopping nor ending. Every later write, and a
        // write refused by Ctrl+C, was not taken.
        private static bool TakenThenStopped(Commands.DinteroCmdlet cmdlet, Exception stop) => !cmdlet.IsEnding && cmdlet.AskedToStop(stop);
    }
}
