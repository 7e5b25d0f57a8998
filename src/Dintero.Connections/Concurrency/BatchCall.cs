using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// What an API cmdlet plans for one record (<see cref="Commands.DinteroBatchCmdlet{TResult}.Plan"/>): one engine call,
    /// or several each with its own outcome, and for a change, the action that -WhatIf and -Confirm describe.
    /// </summary>
    internal sealed class BatchCall<TResult>
    {
        internal BatchCall(string? action, IReadOnlyList<Func<CancellationToken, Task<TResult>>> runs, Func<string?, CancellationToken, Task<Page<TResult>>>? pages = null, bool planned = false,
            Func<string?, CancellationToken, Task<Page<object>>>? records = null)
        {
            Action = action;
            Runs = runs;
            Pages = pages;
            Planned = planned;
            Records = records;
        }

        /// <summary>For ShouldProcess, e.g. "Create the Common connection with payment options dintero.zero"; null for a read.</summary>
        public string? Action { get; }

        public IReadOnlyList<Func<CancellationToken, Task<TResult>>> Runs { get; }

        /// <summary>A list read page by page instead (from a cursor, null for the first page): streamed as each page comes.</summary>
        public Func<string?, CancellationToken, Task<Page<TResult>>>? Pages { get; }

        /// <summary>Records of their own, read page by page, each planned as if it had been piped in (a partner's merchants).</summary>
        public Func<string?, CancellationToken, Task<Page<object>>>? Records { get; }

        /// <summary>-WhatIf's answer, decided as the run would decide: <see cref="Action"/> is what -WhatIf says, and the result is written as the record's, with nothing sent.</summary>
        public bool Planned { get; }
    }

    /// <summary>Plans calls: <c>BatchCall.Read(token => ...)</c>, <c>BatchCall.Change("Start the Vipps signup", token => ...)</c>.</summary>
    internal static class BatchCall
    {
        /// <summary>A call that changes nothing: it runs without ShouldProcess.</summary>
        public static BatchCall<TResult> Read<TResult>(Func<CancellationToken, Task<TResult>> run) => new BatchCall<TResult>(null, new[] { run });

        /// <summary>Several reads for one record, each an outcome of its own (one per connection kind asked for).</summary>
        public static BatchCall<TResult> ReadEach<TResult>(IEnumerable<Func<CancellationToken, Task<TResult>>> runs) => new BatchCall<TResult>(null, runs.ToList());

        /// <summary>
        /// A list read page by page, each page written as it comes, and no page asked for once the pipeline has what it
        /// wants (Select-Object -First). For a record by parameter: one list is one request after another.
        /// </summary>
        public static BatchCall<TResult> Pages<TResult>(Func<string?, CancellationToken, Task<Page<TResult>>> pages) =>
            new BatchCall<TResult>(null, Array.Empty<Func<CancellationToken, Task<TResult>>>(), pages);

        /// <summary>
        /// Records of their own, read page by page while the batch runs the ones before, each planned as the cmdlet plans a
        /// record piped in: a report over a partner's whole book, asked with no -AccountId and nothing piped in.
        /// </summary>
        public static BatchCall<TResult> EachOf<TResult>(Func<string?, CancellationToken, Task<Page<object>>> records) =>
            new BatchCall<TResult>(null, Array.Empty<Func<CancellationToken, Task<TResult>>>(), records: records);

        /// <summary>
        /// What a record would come to under -WhatIf, decided as the run would decide it (the same checks, nothing sent):
        /// -WhatIf says <paramref name="whatIf"/>, and <paramref name="result"/> is the record's outcome (a plan's row).
        /// </summary>
        public static BatchCall<TResult> Planned<TResult>(string whatIf, TResult result) =>
            new BatchCall<TResult>(whatIf, new Func<CancellationToken, Task<TResult>>[] { _ => Task.FromResult(result) }, planned: true);

        /// <summary>A call that changes something at Dintero: it runs only when ShouldProcess agrees to <paramref name="action"/>.</summary>
        public static BatchCall<TResult> Change<TResult>(string action, Func<CancellationToken, Task<TResult>> run) => new BatchCall<TResult>(action, new[] { run });
    }
}
