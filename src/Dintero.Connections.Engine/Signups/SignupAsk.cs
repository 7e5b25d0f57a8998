using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Models;

namespace Dintero.Connections.Signups
{
    /// <summary>One row's signup as checked, and the request that sends it (a POST, or Vipps's start).</summary>
    public sealed class SignupAsk<TConnection> where TConnection : Connection
    {
        /// <param name="sent">The signup as checked and sent (what a read-back must find); null for a start without a body (Vipps).</param>
        /// <param name="send">The request itself.</param>
        public SignupAsk(DinteroModel? sent, Func<CancellationToken, Task<TConnection>> send)
        {
            Sent = sent;
            Send = send ?? throw new ArgumentNullException(nameof(send));
        }

        public DinteroModel? Sent { get; }

        public Func<CancellationToken, Task<TConnection>> Send { get; }
    }
}
