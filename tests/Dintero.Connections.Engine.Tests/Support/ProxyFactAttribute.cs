using Dintero.Emulator.Network;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>A test through a real forward proxy (tinyproxy): skipped where none is installed, but never in CI, where it fails instead.</summary>
public sealed class ProxyFactAttribute : FactAttribute
{
    public ProxyFactAttribute()
    {
        var inCI = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!inCI && ForwardProxy.WhyUnavailable is { } reason) Skip = reason;
    }
}
