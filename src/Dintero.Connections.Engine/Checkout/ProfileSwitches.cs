using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Checkout
{
    /// <summary>
    /// Payment types to switch on and off in a profile, checked before anything is sent, and applied by reading the profile,
    /// changing those switches only (<see cref="PaymentTypes.Switch"/>) and putting the whole profile back; a profile that
    /// has them already is not sent again.
    /// </summary>
    public sealed class ProfileSwitches
    {
        private ProfileSwitches(IReadOnlyList<string> on, IReadOnlyList<string> off)
        {
            On = on;
            Off = off;
        }

        public IReadOnlyList<string> On { get; }

        public IReadOnlyList<string> Off { get; }

        /// <summary>The switches, or every problem at once: no type given, a malformed type, a type both on and off.</summary>
        public static ProfileSwitches Checked(IEnumerable<string>? enable, IEnumerable<string>? disable)
        {
            var on = Names(enable);
            var off = Names(disable);
            var problems = new ProblemCollector();
            if (on.Count + off.Count == 0) problems.Add("Enable", "Nothing to switch: give -Enable or -Disable with payment types, e.g. -Enable vipps.");
            for (var i = 0; i < on.Count; i++) Add(problems, PaymentTypes.Check(on[i], $"Enable[{i}]"));
            for (var i = 0; i < off.Count; i++) Add(problems, PaymentTypes.Check(off[i], $"Disable[{i}]"));
            foreach (var both in on.Intersect(off, StringComparer.Ordinal)) problems.Add("Disable", $"'{both}' is given to both -Enable and -Disable; give it to one.");
            if (problems.Problems.Count > 0) throw new DinteroValidationException("The payment types", problems.Problems);
            return new ProfileSwitches(on, off);
        }

        /// <summary>Reads the profile, and puts it back with the switches changed, unless it has them already.</summary>
        public async Task<ProfileChange> ApplyAsync(DinteroApi api, string accountId, string profileId, CancellationToken cancellationToken)
        {
            var profile = await api.GetPaymentProfileAsync(accountId, profileId, cancellationToken).ConfigureAwait(false);
            var before = PaymentTypes.SwitchedOn(profile.configuration);
            if (On.All(before.Contains) && !Off.Any(before.Contains)) return new ProfileChange(profile, false, ToString(), AllActive(profile));
            IDictionary<string, object?>? configuration = profile.configuration;
            foreach (var type in On) configuration = PaymentTypes.Switch(configuration, type, on: true);
            foreach (var type in Off) configuration = PaymentTypes.Switch(configuration, type, on: false);
            profile.configuration = new Dictionary<string, object?>(configuration!, StringComparer.Ordinal);
            var changed = await api.UpdatePaymentProfileAsync(accountId, profile, cancellationToken).ConfigureAwait(false);
            return new ProfileChange(changed, true, ToString(), AllActive(changed));
        }

        /// <summary>"vipps on, bambora.mobilepay off": what -WhatIf and the messages say.</summary>
        public override string ToString() => string.Join(", ", On.Select(type => type + " on").Concat(Off.Select(type => type + " off")));

        private static bool AllActive(PaymentProfile profile) => profile.configuration != null && PaymentTypes.AllActive(profile.configuration);

        private static List<string> Names(IEnumerable<string>? types) =>
            (types ?? Array.Empty<string>()).SelectMany(type => (type ?? string.Empty).Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)).Select(type => type.Trim()).Distinct(StringComparer.Ordinal).ToList();

        private static void Add(ProblemCollector problems, ValidationProblem? problem)
        {
            if (problem != null) problems.Add(problem.Path, problem.Message);
        }
    }
}
