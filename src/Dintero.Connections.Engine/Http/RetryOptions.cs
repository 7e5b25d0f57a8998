using System;
using System.Globalization;

namespace Dintero.Connections.Http
{
    /// <summary>How hard the client tries before giving up on a request, and the ranges a user may set (Connect-Dintero).</summary>
    public sealed class RetryOptions
    {
        /// <summary>Retries after the first attempt. 0 turns retrying off.</summary>
        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>First backoff delay for 502/503/504 and transport failures; doubled each retry, with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Longest backoff delay between two attempts.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Longest <c>Retry-After</c> the client waits out by itself. A longer one ends the call with the 429 error,
        /// which says how long Dintero asked to wait.
        /// </summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        public const int DefaultMaxRetries = 3;

        /// <summary>More retries would hold a row for minutes behind a failure that is not passing.</summary>
        public const int MaxRetriesLimit = 10;

        /// <summary>The accepted range of <see cref="MaxRetryAfter"/>, as TimeSpan text (for attributes): none to an hour.</summary>
        public const string MaxRetryAfterMinimum = "00:00:00", MaxRetryAfterMaximum = "01:00:00";

        /// <summary>The accepted range of a request's timeout (<see cref="DinteroApiOptions.RequestTimeout"/>): a second to ten minutes.</summary>
        public const string RequestTimeoutMinimum = "00:00:01", RequestTimeoutMaximum = "00:10:00";

        internal RetryOptions Copy() => (RetryOptions)MemberwiseClone();

        /// <summary>Why the options cannot be used, with the accepted range; null when they can.</summary>
        internal string? Problem()
        {
            if (MaxRetriesProblem(MaxRetries) is { } retries) return "MaxRetries " + retries;
            if (MaxRetryAfterProblem(MaxRetryAfter) is { } wait) return "MaxRetryAfter " + wait;
            if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay) return "BaseDelay must be positive and at most MaxDelay.";
            return null;
        }

        /// <summary>What is wrong with a number of retries, with the range, e.g. "is 11; accepted: 0 to 10."; null when nothing is.</summary>
        internal static string? MaxRetriesProblem(int value) =>
            value < 0 || value > MaxRetriesLimit ? $"is {value}; accepted: 0 to {MaxRetriesLimit}." : null;

        /// <summary>What is wrong with a longest Retry-After, with the range; null when nothing is.</summary>
        internal static string? MaxRetryAfterProblem(TimeSpan value) =>
            Within(value, MaxRetryAfterMinimum, MaxRetryAfterMaximum) ? null : $"is {value}; accepted: {MaxRetryAfterMinimum} to {MaxRetryAfterMaximum}.";

        /// <summary>What is wrong with a request timeout a user gives, with the range; null when nothing is.</summary>
        internal static string? RequestTimeoutProblem(TimeSpan value) =>
            Within(value, RequestTimeoutMinimum, RequestTimeoutMaximum) ? null : $"is {value}; accepted: {RequestTimeoutMinimum} to {RequestTimeoutMaximum}.";

        internal static bool Within(TimeSpan value, string minimum, string maximum) =>
            value >= TimeSpan.Parse(minimum, CultureInfo.InvariantCulture) && value <= TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }
}
