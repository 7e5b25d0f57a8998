using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Dintero.Connections.Session
{
    /// <summary>
    /// One <see cref="DinteroSession"/> per runspace, dropped with the runspace. Azure Automation runs several jobs
    /// in one process and ForEach-Object -Parallel runs each block in its own runspace: neither may see another's
    /// connection by accident (pass one explicitly with -Context).
    /// </summary>
    internal static class RunspaceSession
    {
        private static readonly ConditionalWeakTable<Runspace, DinteroSession> Sessions = new ConditionalWeakTable<Runspace, DinteroSession>();

        /// <summary>The session of the runspace running the current pipeline.</summary>
        /// <exception cref="System.InvalidOperationException">Read off the pipeline thread, where there is no runspace.</exception>
        public static DinteroSession Current
        {
            get
            {
                // Thread-static: set on a pipeline thread, null on a thread-pool thread. Failing loudly there beats
                // quietly handing out a session no runspace owns.
                var runspace = Runspace.DefaultRunspace
                    ?? throw new System.InvalidOperationException("The Dintero session was read off the pipeline thread; read it in the cmdlet, before starting engine calls.");
                return Sessions.GetValue(runspace, _ => new DinteroSession());
            }
        }
    }
}
