namespace Dintero.Connections.Models
{
    /// <summary>The Common connection as Dintero answers it.</summary>
    public sealed class CommonConnection : Connection
    {
        public CommonConnectionSignup? signup { get; set; }

        [LocalField]
        public override string connection_type => "Common";
    }
}
