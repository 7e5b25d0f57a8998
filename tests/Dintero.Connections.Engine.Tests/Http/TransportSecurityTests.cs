using System.Net;
using Dintero.Connections.Http;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>What the module does to the process's TLS protocols at import, case by case.</summary>
public sealed class TransportSecurityTests
{
    private const SecurityProtocolType SystemDefault = 0;
    // Ssl3, which .NET marks obsolete: what powershell.exe's default still holds.
    private const SecurityProtocolType Ssl3 = (SecurityProtocolType)48;

    [Fact]
    public void On_NET_Framework_TLS_1_2_is_added_and_what_the_host_set_stays()
    {
        // What powershell.exe on .NET Framework 4.x often starts with.
        var plan = TransportSecurity.Plan(onNetFramework: true, Ssl3 | SecurityProtocolType.Tls, systemNegotiatesTls12: true);

        Assert.True(plan.Changes);
        Assert.Equal(Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12, plan.Protocols);
        Assert.Equal("Dintero.Connections added TLS 1.2 to [Net.ServicePointManager]::SecurityProtocol at import (Ssl3, Tls -> Ssl3, Tls, Tls12): Dintero's API takes TLS 1.2, and .NET Framework offers only the protocols listed there.", plan.Notice);
    }

    [Fact]
    public void A_host_that_offers_TLS_1_2_already_is_left_alone()
    {
        var plan = TransportSecurity.Plan(onNetFramework: true, SecurityProtocolType.Tls12 | SecurityProtocolType.Tls11, systemNegotiatesTls12: false);

        Assert.False(plan.Changes);
        Assert.Equal(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls11, plan.Protocols);
        Assert.Null(plan.Notice);
    }

    [Fact]
    public void SystemDefault_is_left_alone_where_the_operating_system_negotiates_TLS_1_2()
    {
        var plan = TransportSecurity.Plan(onNetFramework: true, SystemDefault, systemNegotiatesTls12: true);

        Assert.False(plan.Changes);
        Assert.Equal(SystemDefault, plan.Protocols);
    }

    [Fact]
    public void SystemDefault_on_an_operating_system_without_TLS_1_2_by_default_gets_it()
    {
        // Windows 7 and Server 2008 R2: Schannel offers TLS 1.2 to clients only after a registry change.
        var plan = TransportSecurity.Plan(onNetFramework: true, SystemDefault, systemNegotiatesTls12: false);

        Assert.True(plan.Changes);
        Assert.Equal(SecurityProtocolType.Tls12, plan.Protocols);
        Assert.Contains("(SystemDefault -> Tls12)", plan.Notice);
    }

    [Fact]
    public void On_NET_nothing_is_changed_whatever_the_setting()
    {
        var plan = TransportSecurity.Plan(onNetFramework: false, SecurityProtocolType.Tls, systemNegotiatesTls12: false);

        Assert.False(plan.Changes);
        Assert.Equal(SecurityProtocolType.Tls, plan.Protocols);
    }

    [Fact]
    public void Off_Windows_the_system_default_is_taken_to_negotiate_TLS_1_2()
    {
        // Mono's own TLS stack, and .NET's OpenSSL, offer TLS 1.2; on Windows it depends on the version (NT 6.2 on).
        if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows)) return;

        Assert.True(TransportSecurity.SystemNegotiatesTls12());
    }
}
