using System.Collections.Generic;

namespace Dintero.Connections.Parameters
{
    /// <summary>
    /// The names an account id goes by, the one list of them: the parameter every API cmdlet has (<c>-AccountId</c>), the
    /// property and column objects and sheets carry it under (<c>account_id</c>, as Dintero's JSON spells it) and Dintero's
    /// short name for it (<c>aid</c>, its path segment). The parameter's aliases, a record's account cell and the input
    /// columns a report leaves out all come from here. Constants, since an attribute ([Alias]) takes nothing else.
    /// </summary>
    public static class AccountIdNames
    {
        /// <summary>The parameter: <c>-AccountId</c>.</summary>
        public const string Parameter = "AccountId";

        /// <summary>The property and column: <c>account_id</c>.</summary>
        public const string Column = "account_id";

        /// <summary>Dintero's short name, as its paths have it: <c>aid</c>.</summary>
        public const string Short = "aid";

        /// <summary>Every name, compared as keys are (any case).</summary>
        public static readonly IReadOnlyList<string> All = new[] { Column, Parameter, Short };
    }
}
