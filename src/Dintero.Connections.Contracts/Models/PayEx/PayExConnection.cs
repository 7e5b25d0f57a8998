namespace Dintero.Connections.Models
{
    /// <summary>The PayEx connection (card payments, <c>payex.creditcard</c>) as Dintero answers it.</summary>
    public sealed class PayExConnection : Connection
    {
        [LocalField]
        public override string connection_type => "PayEx";

        public PayExConnectionSignup? signup { get; set; }
    }
}
