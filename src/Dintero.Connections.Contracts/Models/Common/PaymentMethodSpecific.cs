namespace Dintero.Connections.Models
{
    /// <summary>Details only some payment providers need.</summary>
    public sealed class PaymentMethodSpecific : DinteroModel
    {
        public ProviderSignup? payex { get; set; }
        public ProviderSignup? vipps { get; set; }
        public InstabankFigures? instabank { get; set; }
    }

    /// <summary>A provider's own signup page.</summary>
    public sealed class ProviderSignup : DinteroModel
    {
        public string? signup_url { get; set; }
    }

    /// <summary>Instabank's four figures: all four are required when any is given.</summary>
    public sealed class InstabankFigures : DinteroModel
    {
        public string? total_number_of_transactions { get; set; }
        public string? total_volume_of_transactions { get; set; }
        public string? finance_number_of_transactions { get; set; }
        public string? finance_volume_of_transactions { get; set; }
    }
}
