using System;
using Dintero.Connections.Http;

namespace Dintero.Connections.Session
{
    /// <summary>Reads the engine's client back from a <see cref="DinteroContext"/>, which holds it as an opaque handle.</summary>
    public static class ContextClient
    {
        /// <summary>The client for calls; throws when the context was disconnected.</summary>
        public static DinteroClient GetClient(this DinteroContext context)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            if (!context.IsConnected)
            {
                throw new ObjectDisposedException(nameof(DinteroContext), $"The connection to account {context.AccountId} was closed by Disconnect-Dintero; run Connect-Dintero again.");
            }
            return (DinteroClient)context.Client;
        }
    }
}
