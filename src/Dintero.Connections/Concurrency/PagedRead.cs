using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// A list read page by page on the pipeline thread, each page written as it comes: when the pipeline has what it wants
    /// (Select-Object -First), writing stops the command and no further page is asked for. Its end, good or failed, goes
    /// through the batch like any record's.
    /// </summary>
    internal static class PagedRead
    {
        /// <param name="pages">One page from a cursor (null for the first).</param>
        /// <param name="item">The record the list is for.</param>
        /// <param name="run">Runs one engine call on the pipeline thread, its log lines written as it goes.</param>
        /// <param name="write">Writes one result.</param>
        /// <param name="batch">Where the record's end is told.</param>
        public static void Run<TResult>(Func<string?, CancellationToken, Task<Page<TResult>>> pages, BatchItem item, Func<Func<CancellationToken, Task<Page<TResult>>>, Page<TResult>> run, Action<TResult, BatchItem> write, CmdletBatch<TResult> batch)
        {
            string? cursor = null;
            TResult last = default!;
            do
            {
                Page<TResult> page;
                try
                {
                    var from = cursor;
                    page = run(token => pages(from, token));
                }
                catch (DinteroException failure)
                {
                    batch.Fail(failure, item);
                    return;
                }
                foreach (var result in page.Items)
                {
                    write(result, item);
                    last = result;
                }
                cursor = page.NextCursor;
            }
            while (cursor != null);
            batch.Succeeded(item, last);
        }
    }
}
