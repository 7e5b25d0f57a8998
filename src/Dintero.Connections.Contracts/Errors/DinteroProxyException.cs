using System;

namespace Dintero.Connections.Errors
{
    /// <summary>What went wrong with the proxy between the module and Dintero.</summary>
    public enum DinteroProxyFailure
    {
        /// <summary>The proxy answered 407: it wants credentials it was not given, or refused the ones it was.</summary>
        AuthenticationRequired,

        /// <summary>No connection to the proxy could be made: nothing reached Dintero.</summary>
        Unreachable,
    }

    /// <summary>
    /// The proxy, not Dintero, stopped the request. Kept apart from Dintero's errors so that a 407 does not read as
    /// Dintero refusing the client, and an unreachable proxy not as Dintero being down.
    /// </summary>
    public sealed class DinteroProxyException : DinteroException
    {
        public DinteroProxyException(DinteroProxyFailure failure, Uri? proxy, string message, Exception? innerException, RequestTrace? trace = null)
            : base(message, innerException, trace)
        {
            Failure = failure;
            Proxy = proxy;
        }

        public DinteroProxyFailure Failure { get; }

        /// <summary>The proxy's address, without any user name or password; null when a proxy nobody configured answered 407.</summary>
        public Uri? Proxy { get; }

        public override string ErrorId => Failure == DinteroProxyFailure.AuthenticationRequired ? ErrorIds.ProxyAuthenticationRequired : ErrorIds.ProxyUnreachable;
    }
}
