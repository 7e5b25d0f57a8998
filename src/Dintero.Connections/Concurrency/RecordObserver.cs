using System;
using System.Collections.Generic;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Concurrency
{
    /// <summary>How a record of a batch ended.</summary>
    internal enum BatchEndKind
    {
        /// <summary>Its call returned a result.</summary>
        Succeeded,

        /// <summary>It failed: bad input before any call, or its call's error.</summary>
        Failed,

        /// <summary>Nothing was sent for it: -WhatIf, or a declined -Confirm.</summary>
        NotSent,

        /// <summary>Its call was on its way when the command was stopped: it may have reached Dintero.</summary>
        Stopped,

        /// <summary>The command ended before its call was started (a terminating error, a stop): nothing was sent.</summary>
        Abandoned,
    }

    /// <summary>One record's end, as a <see cref="RecordObserver{TResult}"/> is told of it.</summary>
    internal readonly struct BatchEnd<TResult>
    {
        public BatchEnd(BatchEndKind kind, TResult result = default!, Exception? failure = null)
        {
            Kind = kind;
            Result = result;
            Failure = failure;
        }

        public BatchEndKind Kind { get; }

        /// <summary>The call's result, for <see cref="BatchEndKind.Succeeded"/>.</summary>
        public TResult Result { get; }

        /// <summary>The failure, for <see cref="BatchEndKind.Failed"/>.</summary>
        public Exception? Failure { get; }
    }

    /// <summary>
    /// A cmdlet's own watch over its run, told of every record's end by its batch (<see cref="CmdletBatch{TResult}"/>): the
    /// one hook a cmdlet has into how its records end. A creator keeps its -ReportVariable rows this way
    /// (<see cref="Rows.CreatorRun{TMade}"/>), Invoke-DinteroRequest the status of the last answer.
    /// </summary>
    internal abstract class RecordObserver<TResult>
    {
        /// <summary>
        /// A record ended. On the pipeline thread, in input order; for <see cref="BatchEndKind.Stopped"/>, on the thread that
        /// stops the command, after which nothing more is told.
        /// </summary>
        public abstract void Record(BatchItem item, BatchEnd<TResult> end);

        /// <summary>How a result counts in the summary (Created, Skipped, ...); null for the command's word for a call that returned.</summary>
        public virtual RowOutcome? OutcomeOf(TResult result) => null;

        /// <summary>The command that goes on from this run, given its records by outcome; null when there is none to give.</summary>
        /// <param name="outcomes">The records by row outcome.</param>
        /// <param name="ended">True when the command ended before its input did: rows it never read are in no report.</param>
        public virtual string? Resume(IReadOnlyDictionary<RowOutcome, int> outcomes, bool ended) => null;
    }
}
