namespace Dintero.Connections.Models
{
    /// <summary>
    /// An account's settings (<c>GET .../management/settings</c>): its company and the state of each connection by
    /// kind. Fields without a property here are kept as additional properties.
    /// </summary>
    public sealed class AccountSettings : Account
    {
    }
}
