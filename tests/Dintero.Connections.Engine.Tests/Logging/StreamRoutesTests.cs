using Dintero.Connections.Logging;

namespace Dintero.Connections.Engine.Tests.Logging;

/// <summary>
/// What PowerShell's MshCommandRuntime does with a compiled cmdlet's lines, as the module reads it: no line is written
/// where -Debug alone would turn it into a prompt, in 5.1 as in 7, and a write that ends the command is known before it.
/// </summary>
public sealed class StreamRoutesTests
{
    private static StreamRoutes Routes(bool windowsPowerShell, bool? debug = null, bool? verbose = null, StreamAction? errorAction = null, StreamAction? warningAction = null, Dictionary<string, StreamAction>? variables = null) =>
        new(windowsPowerShell, debug, verbose, errorAction, warningAction, null, name => variables != null && variables.TryGetValue(name, out var value) ? value : null);

    [Fact]
    public void Debug_alone_in_PowerShell_7_keeps_debug_lines_and_writes_verbose_and_warning_lines_without_a_prompt()
    {
        var routes = Routes(windowsPowerShell: false, debug: true);

        Assert.Equal(StreamAction.Continue, routes.Debug);
        Assert.Equal(StreamAction.Inquire, routes.Verbose);
        Assert.Equal(StreamAction.Inquire, routes.Warning);
        Assert.Equal(StreamRoute.Own, routes.RouteOf(DinteroLogLevel.Debug));
        Assert.Equal(StreamRoute.HostInformation, routes.RouteOf(DinteroLogLevel.Verbose));
        Assert.Equal(StreamRoute.HostInformation, routes.RouteOf(DinteroLogLevel.Warning));
        Assert.True(routes.Wants(DinteroLogLevel.Verbose));
        Assert.Equal("VERBOSE: ", StreamRoutes.Prefix(DinteroLogLevel.Verbose));
    }

    [Fact]
    public void Debug_alone_in_Windows_PowerShell_would_prompt_on_every_stream_so_every_line_goes_as_host_information()
    {
        var routes = Routes(windowsPowerShell: true, debug: true);

        Assert.Equal(StreamAction.Inquire, routes.Debug);
        Assert.Equal(StreamAction.Inquire, routes.Error);
        Assert.All(new[] { DinteroLogLevel.Debug, DinteroLogLevel.Verbose, DinteroLogLevel.Warning }, level => Assert.Equal(StreamRoute.HostInformation, routes.RouteOf(level)));
    }

    [Fact]
    public void Debug_with_Verbose_and_WarningAction_given_leaves_those_streams_to_what_was_asked()
    {
        var routes = Routes(windowsPowerShell: false, debug: true, verbose: true, warningAction: StreamAction.SilentlyContinue);

        Assert.Equal(StreamRoute.Own, routes.RouteOf(DinteroLogLevel.Verbose));
        Assert.Equal(StreamRoute.Own, routes.RouteOf(DinteroLogLevel.Warning));
        Assert.Equal(StreamAction.SilentlyContinue, routes.Warning);
        // A warning hidden by SilentlyContinue is still kept by -WarningVariable: it is built.
        Assert.True(routes.Wants(DinteroLogLevel.Warning));
    }

    [Fact]
    public void A_preference_the_caller_set_to_Inquire_is_the_caller_s_and_is_left_alone()
    {
        var routes = Routes(windowsPowerShell: false, variables: new() { ["VerbosePreference"] = StreamAction.Inquire });

        Assert.Equal(StreamRoute.Own, routes.RouteOf(DinteroLogLevel.Verbose));
    }

    [Fact]
    public void A_write_that_ends_the_command_is_known_before_it_is_made()
    {
        var stop = Routes(windowsPowerShell: false, variables: new() { ["ErrorActionPreference"] = StreamAction.Stop, ["WarningPreference"] = StreamAction.Stop });
        var given = Routes(windowsPowerShell: false, errorAction: StreamAction.Continue, variables: new() { ["ErrorActionPreference"] = StreamAction.Stop });

        Assert.True(stop.ErrorEnds);
        Assert.True(stop.Ends(DinteroLogLevel.Warning));
        Assert.False(stop.Ends(DinteroLogLevel.Verbose));
        Assert.False(given.ErrorEnds);
    }

    [Fact]
    public void Verbose_in_Windows_PowerShell_makes_errors_continue_over_the_preference_variable_as_5_1_does()
    {
        var windows = Routes(windowsPowerShell: true, verbose: true, variables: new() { ["ErrorActionPreference"] = StreamAction.Stop });
        var core = Routes(windowsPowerShell: false, verbose: true, variables: new() { ["ErrorActionPreference"] = StreamAction.Stop });

        Assert.False(windows.ErrorEnds);
        Assert.True(core.ErrorEnds);
    }
}
