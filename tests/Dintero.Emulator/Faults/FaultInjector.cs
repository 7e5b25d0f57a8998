namespace Dintero.Emulator.Faults;

/// <summary>The faults scripted so far; each one is used up after its count of matching requests.</summary>
public sealed class FaultInjector
{
    private readonly List<Fault> faults = new();
    private readonly object gate = new();

    public void Add(Fault fault)
    {
        lock (gate)
        {
            fault.Remaining = fault.Times;
            faults.Add(fault);
        }
    }

    public void Clear()
    {
        lock (gate) faults.Clear();
    }

    /// <summary>The first fault that matches and is not used up; counts this use.</summary>
    public Fault? Take(string method, string path)
    {
        lock (gate)
        {
            var fault = faults.FirstOrDefault(candidate => candidate.Remaining != 0 && candidate.Matches(method, path));
            if (fault != null && fault.Remaining > 0) fault.Remaining--;
            return fault;
        }
    }
}
