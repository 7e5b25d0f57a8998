namespace Dintero.Connections.Models
{
    /// <summary>Who the account's invoices go to: <c>business_name</c> and <c>address</c> are required.</summary>
    public sealed class AccountBilling : DinteroModel
    {
        public string? business_name { get; set; }
        public string? organization_number { get; set; }
        public Address? address { get; set; }
        public string? email { get; set; }

        /// <summary>Up to 120 characters.</summary>
        public string? reference { get; set; }

        /// <summary>Pattern <c>^\+?\d{5,15}$</c>.</summary>
        public string? phone_number { get; set; }
    }
}
