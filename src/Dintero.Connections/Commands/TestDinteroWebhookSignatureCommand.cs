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
    [Cmdlet(VerbsDiagnostic.Test, "DinteroWebhookSignature")]
    [OutputType(typeof(bool))]
    public sealed class TestDinteroWebhookSignatureCommand : DinteroCmdlet
    {
        /// <summary>The delivery's body as received: its raw text (e.g. $Request.RawBody) or its bytes; never the body parsed.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public object? Body { get; set; }

        /// <summary>The event-signature header's value.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string? Signature { get; set; }

        /// <summary>The subscription's secret, as given to New-DinteroWebhook.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        public SecureString? Secret { get; set; }

        protected override void ProcessRecord()
        {
            var body = BytesOf(Body is PSObject wrapped ? wrapped.BaseObject : Body);
            var secret = new NetworkCredential(string.Empty, Secret).Password;
            if (string.IsNullOrEmpty(secret))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("The secret is empty: give the one the subscription was made with."), "Dintero.Webhook.NoSecret", ErrorCategory.InvalidArgument, null));
            }
            WriteObject(WebhookSignature.Verify(body, Signature, secret));
        }

        // The signature is over the bytes Dintero sent: a parsed body, written out again, need not be those bytes.
        private byte[] BytesOf(object? body)
        {
            switch (body)
            {
                case null: return Array.Empty<byte>();
                case byte[] bytes: return bytes;
                case string text: return Encoding.UTF8.GetBytes(text);
                case IDictionary _:
                case PSCustomObject _:
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Body is a parsed object; the signature is over the raw body. Give the text as received, e.g. -Body $Request.RawBody in an Azure Function."), "Dintero.Webhook.ParsedBody", ErrorCategory.InvalidArgument, body));
                    return Array.Empty<byte>();
                default:
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Body takes the raw body as a string or a byte[], not a {body.GetType().Name}."), "Dintero.Webhook.BodyType", ErrorCategory.InvalidArgument, body));
                    return Array.Empty<byte>();
            }
        }
    }
}
