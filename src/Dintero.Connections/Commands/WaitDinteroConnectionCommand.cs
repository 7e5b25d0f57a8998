using System;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;
using Dintero.Connections.Waiting;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Follows signups to the end: reads each connection until it reaches -Status (enabled by default), and writes it
    /// as soon as it does, whatever the input order. A connection that ends failed or declined instead, or is still
    /// pending when -Timeout runs out, is an error of its own that names the last status. Connections come from the
    /// pipeline (New-Dintero*Connection's output, or rows with account_id and connection_type) or by parameter.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "DinteroConnection")]
    [OutputType(typeof(CommonConnection), typeof(BamboraConnection), typeof(CollectorConnection), typeof(InstabankConnection), typeof(PayExConnection), typeof(SwishConnection), typeof(VippsConnection))]
    public sealed class WaitDinteroConnectionCommand : DinteroApiCmdlet
    {
        private ConnectionWatch? watch;

        /// <summary>The kind of connection; from the piped connection's connection_type; Common when not given.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("connection_type")]
        [ValidateConnectionType]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string? Type { get; set; }

        /// <summary>The status to wait for.</summary>
        [Parameter]
        [ValidateSet("enabled", "failed", "declined")]
        public string Status { get; set; } = "enabled";

        /// <summary>How long each connection may take.</summary>
        [Parameter]
        [ValidateDuration("00:00:01", "7.00:00:00")]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>The first pause between two reads of a connection; later pauses grow, up to a minute.</summary>
        [Parameter]
        [ValidateDuration("00:00:00.100", "01:00:00")]
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        // Every connection waits at once (each is mostly asleep); -ThrottleLimit bounds the reads in flight instead.
        protected override void BeginProcessing() =>
            watch = new ConnectionWatch(this, new WaitOptions { Status = Status, Timeout = Timeout, PollInterval = PollInterval }, ThrottleLimit, Cancellation);

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var item = NextItem();
            item.AccountId = ResolveAccountId(context);
            watch!.Add(context, Type ?? ConnectionType.Common, item);
        }

        protected override void EndProcessing() => watch!.Drain();
    }
}
