using System;
using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Text;
using Dintero.Connections.Webhooks;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Tells whether a delivery's <c>event-signature</c> header is the HMAC-SHA1 of its raw body under the subscription's
    /// secret, compared in constant time (the engine's WebhookSignature). A receiver, such as an Azure Function in
    /// PowerShell, calls it before it trusts a delivery. Writes $true or $false; calls nothing.
    /// </summary>
    /// <remarks>
    /// A security check fails closed: whatever is missing or wrong (no header, an empty or non-hex one, no body, no secret,
    /// a parsed body) writes $false, never an error that would skip the receiver's <c>if</c> and let the delivery through.
    /// What was wrong with the delivery is said at -Verbose; what is wrong with the receiver's own call, as a warning.
    /// </remarks>
    [Cmdlet(VerbsDiagnostic.Test, "DinteroWebhookSignature")]
    [OutputType(typeof(bool))]
    public sealed class TestDinteroWebhookSignatureCommand : DinteroCmdlet
    {
        /// <summary>The delivery's body as received: its raw text (e.g. $Request.RawBody) or its bytes; never the body parsed.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowNull]
        [AllowEmptyString]
        public object? Body { get; set; }

        /// <summary>The event-signature header's value; a missing header ($null) is a delivery that is not Dintero's.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowNull]
        [AllowEmptyString]
        public string? Signature { get; set; }

        /// <summary>The subscription's secret, as given to New-DinteroWebhook.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [AllowNull]
        public SecureString? Secret { get; set; }

        protected override void ProcessRecord()
        {
            var body = BytesOf(Body is PSObject wrapped ? wrapped.BaseObject : Body, out var bodyProblem);
            var secret = Secret == null ? null : new NetworkCredential(string.Empty, Secret).Password;
            var check = bodyProblem != null ? SignatureCheck.Refused(bodyProblem, receiverFault: true) : WebhookSignature.Check(body, Signature, secret);
            if (!check.Valid)
            {
                var line = $"The delivery is not trusted: {check.Why}.";
                if (check.ReceiverFault) WriteWarning(line);
                else WriteVerbose(line);
            }
            WriteObject(check.Valid);
        }

        // The signature is over the bytes Dintero sent: a parsed body, written out again, need not be those bytes.
        private static byte[]? BytesOf(object? body, out string? problem)
        {
            problem = null;
            switch (body)
            {
                case null: return null;
                case byte[] bytes: return bytes;
                case string text: return Encoding.UTF8.GetBytes(text);
                case IDictionary _:
                case PSCustomObject _:
                    problem = "-Body is a parsed object; the signature is over the raw body. Give the text as received, e.g. -Body $Request.RawBody in an Azure Function";
                    return null;
                default:
                    problem = $"-Body takes the raw body as a string or a byte[], not a {body.GetType().Name}";
                    return null;
            }
        }
    }
}
