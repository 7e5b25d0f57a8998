using System.Collections.Generic;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes Wait-DinteroConnection -Status with the final connection statuses (KnownValues, the one list).</summary>
    public sealed class FinalStatusCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => KnownValues.FinalConnectionStatuses;

        protected override string Describe(string value) => $"wait until the connection is {value}";
    }
}
