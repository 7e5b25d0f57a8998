using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// A list read page by page on the pipeline thread (Dintero's cursor followed by <see cref="CursorPaging.Pages{T}"/>),
    /// each page taken before the next is asked for: when the pipeline has what it wants (Select-Object -First), writing
    /// stops the command and no further page is read.
    /// </summary>
    internal static class PagedRead
    {
        /// <summary>A list's results, written as each page comes; the record's end, good or failed, goes through the batch like any record's.</summary>
        /// <param name="pages">One page from a cursor (null for the first).</param>
        /// <param name="item">The record the list is for.</param>
        /// <param name="run">Runs one engine call on the pipeline thread, its log lines written as it goes.</param>
        /// <param name="write">Writes one result.</param>
        /// <param name="batch">Where the record's end is told.</param>
        public static void Results<TResult>(Func<string?, CancellationToken, Task<Page<TResult>>> pages, BatchItem item, Func<Func<CancellationToken, Task<Page<TResult>>>, Page<TResult>> run, Action<TResult, BatchItem> write, CmdletBatch<TResult> batch)
        {
            TResult last = default!;
            try
            {
                foreach (var page in CursorPaging.Pages<TResult>(cursor => run(token => pages(cursor, token))))
                {
                    foreach (var result in page.Items)
                    {
                        write(result, item);
                        last = result;
                    }
                }
            }
            catch (DinteroException failure)
            {
                batch.Fail(failure, item);
                return;
            }
            batch.Succeeded(item, last);
        }

        /// <summary>
        /// Records of their own (a partner's merchants), each handed on as a record piped in while the batch runs the ones
        /// before. A page that cannot be read ends the command: the records already taken still finish and are written, and
        /// the ones after cannot be known.
        /// </summary>
        /// <param name="pages">One page of records from a cursor (null for the first).</param>
        /// <param name="item">The record that asked for them (its context, and the target of a failed page).</param>
        /// <param name="run">Runs one engine call on the pipeline thread.</param>
        /// <param name="each">Plans one record, as if it had been piped in.</param>
        /// <param name="batch">Drained before a failed page ends the command.</param>
        /// <param name="end">Ends the command with the failed page's error.</param>
        public static void Records<TResult>(Func<string?, CancellationToken, Task<Page<object>>> pages, BatchItem item, Func<Func<CancellationToken, Task<Page<object>>>, Page<object>> run, Action<object> each, CmdletBatch<TResult> batch, Action<DinteroException, BatchItem> end)
        {
            try
            {
                foreach (var page in CursorPaging.Pages<object>(cursor => run(token => pages(cursor, token))))
                {
                    foreach (var record in page.Items) each(record);
                }
            }
            catch (DinteroException failure)
            {
                batch.Drain();
                end(failure, item);
            }
        }
    }
}
