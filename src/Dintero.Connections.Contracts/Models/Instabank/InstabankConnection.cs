namespace Dintero.Connections.Models
{
    /// <summary>The Instabank connection as Dintero answers it.</summary>
    public sealed class InstabankConnection : Connection
    {
        [LocalField]
        public override string connection_type => "Instabank";

        public InstabankConnectionSignup? signup { get; set; }
    }
}
