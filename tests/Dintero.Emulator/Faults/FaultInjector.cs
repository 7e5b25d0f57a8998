namespace Dintero.Emulator.Faults;

/// <summary>The faults scripted so far; each one is used up after its count of matching requests.</summary>
public sealed class FaultInjector
{
    private readonly List<Armed> faults = new();
    private readonly object gate = new();

    public void Add(Fault fault)
    {
        lock (gate) faults.Add(new Armed(fault));
    }

    public void Clear()
    {
        lock (gate) faults.Clear();
    }

    /// <summary>The faults added so far, with how often each was applied.</summary>
    public IReadOnlyList<Fault> All
    {
        get { lock (gate) return faults.Select(armed => armed.Fault).ToList(); }
    }

    /// <summary>The first fault that matches, is not used up and (for a share) is drawn for this request; counts this use.</summary>
    public Fault? Take(string method, string path)
    {
        lock (gate)
        {
            foreach (var armed in faults)
            {
                var fault = armed.Fault;
                if (armed.Remaining == 0 || !fault.Matches(method, path)) continue;
                if (armed.Draw != null && armed.Draw.NextDouble() >= fault.Share) continue;
                if (armed.Remaining > 0) armed.Remaining--;
                fault.Applied++;
                return fault;
            }
            return null;
        }
    }

    /// <summary>A fault and what the injector keeps of its use: how many matching requests it still applies to, and its draw.</summary>
    private sealed class Armed
    {
        public Armed(Fault fault)
        {
            Fault = fault;
            Remaining = fault.Times;
            if (fault.Share != null) Draw = new Random(fault.Seed);
        }

        public Fault Fault { get; }

        /// <summary>-1 for all.</summary>
        public int Remaining { get; set; }

        public Random? Draw { get; }
    }
}
