using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Dintero.Connections.Session;

namespace Dintero.Connections.Sessions
{
    /// <summary>
    /// One <see cref="DinteroSession"/> per runspace, dropped with the runspace. Azure Automation runs several jobs
    /// in one process and ForEach-Object -Parallel runs each block in its own runspace: neither may see another's
    /// connection by accident (pass one explicitly with -Connection).
    /// </summary>
    internal static class RunspaceSessions
    {
        private static readonly ConditionalWeakTable<Runspace, DinteroSession> Sessions = new ConditionalWeakTable<Runspace, DinteroSession>();

        /// <summary>The session of the runspace running the current pipeline.</summary>
        public static DinteroSession Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace == null ? Fallback : Sessions.GetValue(runspace, _ => new DinteroSession());
            }
        }

        // A cmdlet always runs on a thread with a default runspace; this serves hosts that call cmdlets otherwise.
        private static readonly DinteroSession Fallback = new DinteroSession();
    }
}
