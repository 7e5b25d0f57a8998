using System;
using System.Threading;
using System.Threading.Tasks;

namespace Dintero.Connections.Time
{
    /// <summary>Time and waiting, replaceable in tests so token expiry and retry delays need no real waiting.</summary>
    internal interface IClock
    {
        DateTimeOffset UtcNow { get; }

        Task Delay(TimeSpan delay, CancellationToken cancellationToken);
    }

    internal sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new SystemClock();

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
    }
}
