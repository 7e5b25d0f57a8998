namespace Dintero.Connections.Models
{
    /// <summary>The Swish connection as Dintero answers it.</summary>
    public sealed class SwishConnection : Connection
    {
        [LocalField]
        public override string connection_type => "Swish";

        public SwishConnectionSignup? signup { get; set; }
    }
}
