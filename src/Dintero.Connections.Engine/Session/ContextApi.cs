using System;
using Dintero.Connections.Http;

namespace Dintero.Connections.Session
{
    /// <summary>Reads the engine's API back from a <see cref="DinteroContext"/>, which holds it as an opaque handle.</summary>
    public static class ContextApi
    {
        /// <summary>The API for calls; throws when the context was disconnected.</summary>
        public static DinteroApi GetApi(this DinteroContext context)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            if (!context.IsConnected)
            {
                throw new ObjectDisposedException(nameof(DinteroContext), $"The connection to account {context.AccountId} was closed by Disconnect-Dintero; run Connect-Dintero again.");
            }
            return (DinteroApi)context.Api;
        }
    }
}
