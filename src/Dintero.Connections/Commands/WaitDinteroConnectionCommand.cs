using System;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Parameters;
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
    public sealed class WaitDinteroConnectionCommand : DinteroRecordCmdlet<Connection>
    {
        private StatusWatch? watch;

        /// <summary>The kind of connection; from the piped connection's connection_type; Common when not given.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias(ConnectionTypeNames.Column, ConnectionTypeNames.FormerType, ConnectionTypeNames.FormerConnection)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string? ConnectionType { get; set; }

        /// <summary>The status to wait for: enabled (the default), failed or declined.</summary>
        [Parameter]
        [ValidateFinalStatus]
        [ArgumentCompleter(typeof(FinalStatusCompleter))]
        public string Status { get; set; } = KnownValues.Enabled;

        /// <summary>How long each connection may take.</summary>
        [Parameter]
        [ValidateDuration("00:00:01", "7.00:00:00")]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>The first pause between two reads of a connection; later pauses grow, up to a minute.</summary>
        [Parameter]
        [ValidateDuration("00:00:00.100", "01:00:00")]
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        private protected override string Activity => $"Waiting for connections to be {Status}";

        // Every connection waits at once, written as soon as it is final; -ThrottleLimit bounds the reads in flight instead.
        private protected override BatchOptions Options =>
            new BatchOptions(int.MaxValue) { InInputOrder = false, ProgressStatus = () => Watch.Status };

        private StatusWatch Watch => watch ??= new StatusWatch(
            new WaitOptions { Status = Status.ToLowerInvariant(), Timeout = Timeout, PollInterval = PollInterval }, ThrottleLimit);

        private protected override BatchCall<Connection>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var kind = ConnectionType == null ? ConnectionKinds.Common : ConnectionKinds.Named(ConnectionType);
            return BatchCall.Read(Watch.WaitFor(Follow.Connection(item.Api, kind, accountId)));
        }
    }
}
