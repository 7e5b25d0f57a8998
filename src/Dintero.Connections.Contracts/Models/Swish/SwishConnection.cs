namespace Dintero.Connections.Models
{
    /// <summary>The Swish connection as Dintero answers it.</summary>
    public sealed class SwishConnection : Connection
    {
        [LocalField]
        public override string connection_type => ConnectionType.Swish;

        public SwishConnectionSignup? signup { get; set; }
    }
}
