namespace Dintero.Connections.Parameters
{
    /// <summary>
    /// The names the connection kind goes by as a parameter, the one list of them: <c>-ConnectionType</c> on
    /// Get-DinteroConnection, Wait-DinteroConnection and Get-DinteroAccount, with the names each had before (so that a
    /// script written for them still runs) and the property a connection or a report row carries the kind under.
    /// Constants, since an attribute ([Alias]) takes nothing else.
    /// </summary>
    public static class ConnectionTypeNames
    {
        /// <summary>The parameter: <c>-ConnectionType</c>.</summary>
        public const string Parameter = "ConnectionType";

        /// <summary>The property a connection and a report row carry the kind under, bound by property name: <c>connection_type</c>.</summary>
        public const string Column = "connection_type";

        /// <summary>Get-DinteroConnection's and Wait-DinteroConnection's former name: <c>-Type</c>.</summary>
        public const string FormerType = "Type";

        /// <summary>Get-DinteroAccount's former name: <c>-Connection</c>.</summary>
        public const string FormerConnection = "Connection";
    }
}
