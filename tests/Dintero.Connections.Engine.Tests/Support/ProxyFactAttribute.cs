using Dintero.Emulator.Network;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// A test of requests through a proxy. With <see cref="NeedsTinyproxy"/> (the default) it goes through a real forward
/// proxy, and is skipped where none is installed, but never in CI, where it fails instead. On .NET Framework every such
/// test is skipped, for a reason no installation mends (<see cref="LoopbackBypass"/>).
/// </summary>
public sealed class ProxyFactAttribute : FactAttribute
{
    /// <summary>Why these tests cannot run on .NET Framework (Mono included).</summary>
    public const string LoopbackBypass = ".NET Framework and Mono never send a request for a loopback address through a proxy (WebProxy.IsBypassed is true for 127.0.0.1 whatever BypassProxyOnLocal says), and the emulator listens on 127.0.0.1; the same test runs on .NET 10.";

    /// <summary>False for a test of a proxy that is not there: it needs no tinyproxy.</summary>
    public bool NeedsTinyproxy { get; set; } = true;

    public override string? Skip
    {
        get => base.Skip ?? WhySkipped();
        set => base.Skip = value;
    }

    private string? WhySkipped()
    {
#if NETFRAMEWORK
        return LoopbackBypass;
#else
        var inCI = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return NeedsTinyproxy && !inCI ? ForwardProxy.WhyUnavailable : null;
#endif
    }
}
