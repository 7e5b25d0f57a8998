using System.Collections.Generic;
using Dintero.Connections.Requests;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes Invoke-DinteroRequest -Method with the methods Dintero's API takes (DinteroRequest.Methods, the one list).</summary>
    public sealed class MethodCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => DinteroRequest.Methods;

        protected override string Describe(string value) => value == "GET" ? "read (the default)" : value + ": a change, asked about by -WhatIf and -Confirm";
    }
}
