namespace Dintero.Connections.Models
{
    /// <summary>
    /// The account's settings (<c>GET .../management/settings</c>). Only the company is modelled; the rest of the
    /// answer, such as each connection's state, is kept as additional properties.
    /// </summary>
    public sealed class AccountSettings : DinteroModel
    {
        public string? id { get; set; }
        public AccountCompany? company { get; set; }
    }
}
