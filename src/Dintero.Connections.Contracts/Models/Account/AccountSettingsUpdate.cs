namespace Dintero.Connections.Models
{
    /// <summary>The body of <c>PUT .../management/settings</c>.</summary>
    public sealed class AccountSettingsUpdate : DinteroModel
    {
        public AccountCompany? company { get; set; }
    }
}
