namespace Dintero.Connections.Models
{
    /// <summary>The connection kinds this module covers, as <c>Get-DinteroConnection -Type</c> takes them.</summary>
    public static class ConnectionType
    {
        public const string Common = "Common";
        public const string Bambora = "Bambora";
        public const string Collector = "Collector";
        public const string Instabank = "Instabank";
        public const string PayEx = "PayEx";
        public const string Swish = "Swish";
        public const string Vipps = "Vipps";

        public static readonly string[] All = { Common, Bambora, Collector, Instabank, PayEx, Swish, Vipps };
    }
}
