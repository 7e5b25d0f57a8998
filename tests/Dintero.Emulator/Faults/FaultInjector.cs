namespace Dintero.Emulator.Faults;

/// <summary>The faults scripted so far; each one is used up after its count of matching requests.</summary>
/// <remarks>
/// A request costs the faults still in use, not all those ever added: a used-up fault leaves the list that is tried (it
/// stays in <see cref="All"/>), and with none in use a request takes no lock.
/// </remarks>
public sealed class FaultInjector
{
    private readonly List<Armed> faults = new();
    private readonly List<Armed> inUse = new();
    private readonly object gate = new();
    private volatile int inUseCount;

    public void Add(Fault fault)
    {
        lock (gate)
        {
            var armed = new Armed(fault);
            faults.Add(armed);
            if (armed.Remaining != 0) inUse.Add(armed);
            inUseCount = inUse.Count;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            faults.Clear();
            inUse.Clear();
            inUseCount = 0;
        }
    }

    /// <summary>The faults added so far, with how often each was applied.</summary>
    public IReadOnlyList<Fault> All
    {
        get { lock (gate) return faults.Select(armed => armed.Fault).ToList(); }
    }

    /// <summary>The first fault that matches, is not used up and (for a share) is drawn for this request; counts this use.</summary>
    public Fault? Take(string method, string path)
    {
        if (inUseCount == 0) return null;
        lock (gate)
        {
            for (var i = 0; i < inUse.Count; i++)
            {
                var armed = inUse[i];
                var fault = armed.Fault;
                if (!armed.Matches(method, path)) continue;
                if (armed.Draw != null && armed.Draw.NextDouble() >= fault.Share) continue;
                if (armed.Remaining > 0 && --armed.Remaining == 0)
                {
                    inUse.RemoveAt(i);
                    inUseCount = inUse.Count;
                }
                fault.Applied++;
                return fault;
            }
            return null;
        }
    }

    /// <summary>
    /// A fault and what the injector keeps of its use: how many matching requests it still applies to, its draw, and its
    /// path's segments (split once, not at each request).
    /// </summary>
    private sealed class Armed
    {
        private readonly string[]? segments;

        public Armed(Fault fault)
        {
            Fault = fault;
            Remaining = fault.Times;
            if (fault.Share != null) Draw = new Random(fault.Seed);
            if (fault.Path != "*") segments = fault.Path.Trim('/').Split('/');
        }

        public Fault Fault { get; }

        /// <summary>-1 for all.</summary>
        public int Remaining { get; set; }

        public Random? Draw { get; }

        /// <summary>As <see cref="Fault.Matches"/>: the method (or <c>*</c>), and the path segment by segment (<c>*</c> for any one).</summary>
        public bool Matches(string method, string path)
        {
            if (Fault.Method != "*" && !string.Equals(Fault.Method, method, StringComparison.OrdinalIgnoreCase)) return false;
            if (segments == null) return true;
            var rest = path.AsSpan().Trim('/');
            var i = 0;
            while (true)
            {
                var slash = rest.IndexOf('/');
                var segment = slash < 0 ? rest : rest[..slash];
                if (i == segments.Length || (segments[i] != "*" && !segment.SequenceEqual(segments[i]))) return false;
                i++;
                if (slash < 0) return i == segments.Length;
                rest = rest[(slash + 1)..];
            }
        }
    }
}
