using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Models
{
    /// <summary>A change of a connection's status, such as <c>signature_required</c>.</summary>
    public sealed class ConnectionEvent : DinteroModel
    {
        public string? id { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public string? status { get; set; }

        /// <summary>The event name; an open list.</summary>
        public string? @event { get; set; }
        public string? description { get; set; }

        /// <summary>For <c>signature_required</c>, holds <c>signature_link</c>.</summary>
        public Dictionary<string, object?>? metadata { get; set; }

        /// <summary>One line for views and <c>-join</c>: when, what, the status it led to, and Dintero's description.</summary>
        public override string ToString()
        {
            var when = created_at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var text = string.Join(" ", new[] { when, @event, status == null ? null : $"({status})" }.Where(part => !string.IsNullOrEmpty(part)));
            return string.IsNullOrEmpty(description) ? text : $"{text}: {description}";
        }
    }
}
