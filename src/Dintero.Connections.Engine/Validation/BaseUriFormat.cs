using System;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Which API roots a client may talk to: https, or plain http to a loopback host (the local emulator). The
    /// client secret travels in the token request, so plain http to any other host would hand it to the path.
    /// The one owner of that rule: <see cref="Session.ConnectSettings"/> reports it as a problem of the user's
    /// input, <see cref="Http.DinteroApiOptions"/> refuses a client built around it.
    /// </summary>
    public static class BaseUriFormat
    {
        public static readonly Uri Default = new Uri("https://api.dintero.com/v1");

        /// <summary>Dintero's checkout API, where payment profiles live (docs.dintero.com, checkout-api).</summary>
        public static readonly Uri DefaultCheckout = new Uri("https://checkout.dintero.com/v1");

        /// <summary>
        /// The checkout root a client uses: the one given, else Dintero's when the API root is Dintero's, else none (an API
        /// root of one's own, such as the emulator's, with Dintero's checkout would send its tokens where they do not belong).
        /// </summary>
        public static Uri? CheckoutFor(Uri apiRoot, Uri? given) =>
            given ?? (Uri.Compare(apiRoot, Default, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0 ? DefaultCheckout : null);

        /// <summary>The problem with <paramref name="text"/> as an API root, or null with the parsed URI.</summary>
        public static ValidationProblem? Check(string text, out Uri? uri, string path = "BaseUri")
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out uri)) return Refused(text, path);
            return Check(uri, path);
        }

        /// <summary>The problem with <paramref name="uri"/> as an API root, or null when it is accepted.</summary>
        public static ValidationProblem? Check(Uri? uri, string path = "BaseUri")
        {
            if (uri == null || !uri.IsAbsoluteUri) return Refused(uri?.OriginalString ?? string.Empty, path);
            var accepted = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
            return accepted ? null : Refused(uri.OriginalString, path);
        }

        private static ValidationProblem Refused(string text, string path) =>
            new ValidationProblem(path, $"'{text}' is not accepted: only https is allowed, or plain http for a loopback host such as the local emulator.");
    }
}
