using System;

namespace Dintero.Connections.Errors
{
    /// <summary>No answer came from Dintero: the connection failed, dropped, or the request timed out.</summary>
    public sealed class DinteroTransportException : DinteroException
    {
        public DinteroTransportException(string description, string method, string requestPath, bool requestMayHaveReachedServer, Exception? innerException, RequestTrace? trace = null, string? advice = null)
            : base(description, advice, innerException, trace)
        {
            Method = method;
            RequestPath = requestPath;
            RequestMayHaveReachedServer = requestMayHaveReachedServer;
        }

        public string Method { get; }

        public string RequestPath { get; }

        /// <summary>
        /// True when the request may have been processed although no answer arrived. For a POST that creates a
        /// connection this means: read the connection back before sending again.
        /// </summary>
        public bool RequestMayHaveReachedServer { get; }

        public override bool OutcomeUnknown => RequestMayHaveReachedServer;

        public override string ErrorId => RequestMayHaveReachedServer ? ErrorIds.OutcomeUnknown : ErrorIds.NotSent;
    }
}
