namespace Dintero.Connections.Models
{
    /// <summary>The Common connection as Dintero answers it.</summary>
    public sealed class CommonConnection : Connection
    {
        public CommonConnectionSignup? signup { get; set; }

        public override string GetConnectionType() => ConnectionType.Common;
    }
}
