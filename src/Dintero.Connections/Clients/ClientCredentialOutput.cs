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
    internal static class ClientCredentialOutput
    {
        public const string CredentialProperty = "Credential";

        public static PSObject Of(ApiClient client, DinteroSecret secret)
        {
            var output = PSObject.AsPSObject(client);
            output.Properties.Add(new PSNoteProperty(CredentialProperty, new PSCredential(client.client_id ?? string.Empty, secret.ToSecureString())));
            return output;
        }
    }
}
