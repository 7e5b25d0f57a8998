using System.Collections.Generic;

namespace Dintero.Connections.Paging
{
    /// <summary>
    /// One page of a Dintero list, and where the next one starts. Dintero's lists page with <c>limit</c> (1 to 100)
    /// and <c>starting_after</c>, the id of the last object seen; they answer a plain array, so a full page is the
    /// only sign that another may follow.
    /// </summary>
    public sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextCursor)
        {
            Items = items;
            NextCursor = nextCursor;
        }

        public IReadOnlyList<T> Items { get; }

        /// <summary>The <c>starting_after</c> of the next page; null when this page was the last.</summary>
        public string? NextCursor { get; }
    }

    /// <summary>Dintero's cursor rule, in one place.</summary>
    public static class CursorPaging
    {
        /// <summary>Dintero's largest page.</summary>
        public const int MaxLimit = 100;

        /// <summary>Dintero's page sizes, said once: every check of a limit words its refusal with this.</summary>
        public static readonly string LimitRange = $"a page holds 1 to {MaxLimit} items";

        /// <summary>Whether <paramref name="limit"/> is a page size Dintero takes.</summary>
        public static bool IsLimit(int limit) => limit >= 1 && limit <= MaxLimit;

        /// <summary>Adds the problem of a page size outside Dintero's range, under <paramref name="path"/>.</summary>
        internal static void CheckLimit(int limit, string path, Validation.ProblemCollector problems)
        {
            if (!IsLimit(limit)) problems.Add(path, $"is {limit}; {LimitRange}.");
        }

        /// <exception cref="System.ArgumentOutOfRangeException">The page size is outside Dintero's range (a caller's mistake, not input's).</exception>
        internal static void ThrowIfNotLimit(int limit, string name)
        {
            if (!IsLimit(limit)) throw new System.ArgumentOutOfRangeException(name, limit, LimitRange);
        }

        /// <summary>Every item of a list, Dintero's cursor followed page after page to the last.</summary>
        /// <param name="page">Reads the page that starts after the cursor (null: the first).</param>
        public static async System.Threading.Tasks.Task<List<T>> AllAsync<T>(System.Func<string?, System.Threading.Tasks.Task<Page<T>>> page)
        {
            var all = new List<T>();
            await FirstAsync(page, item =>
            {
                all.Add(item);
                return false;
            }).ConfigureAwait(false);
            return all;
        }

        /// <summary>The first item of a list that matches, reading only as many pages as it takes; null when none does.</summary>
        public static async System.Threading.Tasks.Task<T?> FirstAsync<T>(System.Func<string?, System.Threading.Tasks.Task<Page<T>>> page, System.Func<T, bool> match)
        {
            T? found = default;
            await EachPageAsync(page, read =>
            {
                foreach (var item in read.Items)
                {
                    if (!match(item)) continue;
                    found = item;
                    return false;
                }
                return true;
            }).ConfigureAwait(false);
            return found;
        }

        /// <summary>
        /// Dintero's cursor followed, page after page, while <paramref name="more"/> wants the next: the one loop of the
        /// engine's calls. <see cref="Pages{T}"/> is the same for a cmdlet's pipeline thread, which writes between pages.
        /// </summary>
        /// <param name="page">Reads the page that starts after the cursor (null: the first).</param>
        /// <param name="more">Told of each page; false to read no further.</param>
        public static async System.Threading.Tasks.Task EachPageAsync<T>(System.Func<string?, System.Threading.Tasks.Task<Page<T>>> page, System.Func<Page<T>, bool> more)
        {
            string? cursor = null;
            do
            {
                var read = await page(cursor).ConfigureAwait(false);
                if (!more(read)) return;
                cursor = read.NextCursor;
            }
            while (cursor != null);
        }

        /// <summary>The pages of a list, each read when the one before has been taken (a pipeline that has enough reads no further).</summary>
        /// <param name="page">Reads the page that starts after the cursor (null: the first), on the caller's thread.</param>
        public static IEnumerable<Page<T>> Pages<T>(System.Func<string?, Page<T>> page)
        {
            string? cursor = null;
            do
            {
                var read = page(cursor);
                yield return read;
                cursor = read.NextCursor;
            }
            while (cursor != null);
        }

        /// <summary>The page, and its next cursor: the last item's id when the page is full, else none.</summary>
        /// <param name="items">The answer.</param>
        /// <param name="limit">The <c>limit</c> asked for.</param>
        /// <param name="idOf">An item's id, as <c>starting_after</c> takes it.</param>
        public static Page<T> Of<T>(IReadOnlyList<T> items, int limit, System.Func<T, string?> idOf) =>
            new Page<T>(items, items.Count >= limit && items.Count > 0 ? idOf(items[items.Count - 1]) : null);
    }
}
