using System.Collections.Generic;
using Dintero.Connections.Approvals;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes an approval case status filter from the closed list (CaseStatuses, the one list).</summary>
    public sealed class CaseStatusCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => CaseStatuses.All;

        protected override string Describe(string value) =>
            value == CaseStatuses.Active ? "approved cases" : CaseStatuses.IsEnded(value) ? $"cases ended {value}" : $"cases in progress: {value}";
    }
}
