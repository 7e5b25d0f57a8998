namespace Dintero.Connections.Models
{
    /// <summary>What Set-DinteroPaymentProfile did to one profile: the profile as it is now, and whether it was changed.</summary>
    public sealed class ProfileChange
    {
        internal ProfileChange(PaymentProfile profile, bool changed, string switches, bool allActive)
        {
            Profile = profile;
            Changed = changed;
            Switches = switches;
            AllActive = allActive;
        }

        /// <summary>The profile as Dintero has it after the change (or as read, when nothing was to change).</summary>
        public PaymentProfile Profile { get; }

        /// <summary>False when the profile had the switches already, and nothing was sent.</summary>
        public bool Changed { get; }

        /// <summary>The switches asked for, e.g. "vipps on, bambora.mobilepay off".</summary>
        public string Switches { get; }

        /// <summary>True when the profile has active_payment_types on (every active type shown, as the module reads it).</summary>
        public bool AllActive { get; }
    }
}
