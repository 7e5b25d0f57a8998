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

        /// <summary>The page, and its next cursor: the last item's id when the page is full, else none.</summary>
        /// <param name="items">The answer.</param>
        /// <param name="limit">The <c>limit</c> asked for.</param>
        /// <param name="idOf">An item's id, as <c>starting_after</c> takes it.</param>
        public static Page<T> Of<T>(IReadOnlyList<T> items, int limit, System.Func<T, string?> idOf) =>
            new Page<T>(items, items.Count >= limit && items.Count > 0 ? idOf(items[items.Count - 1]) : null);
    }
}
