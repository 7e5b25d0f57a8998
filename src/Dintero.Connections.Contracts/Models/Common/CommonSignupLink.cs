namespace Dintero.Connections.Models
{
    /// <summary>
    /// The answer of <c>POST .../connections/common/signup</c>: <c>ref</c>, a temporary link to the account's Common
    /// signup object, to hand to the merchant.
    /// </summary>
    public sealed class CommonSignupLink : DinteroModel
    {
        /// <summary>The account the link is for; from the request URL, not Dintero's answer.</summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary>The temporary link.</summary>
        public string? @ref { get; set; }

        /// <summary>The link itself, so <c>"Sign here: $link"</c> reads as a link.</summary>
        public override string ToString() => @ref ?? string.Empty;
    }
}
