namespace Dintero.Connections.Models
{
    /// <summary>The connection kinds this module covers, as they appear in the API path.</summary>
    public static class ConnectionType
    {
        public const string Common = "Common";
        public const string Bambora = "Bambora";

        public static readonly string[] All = { Common, Bambora };
    }
}
