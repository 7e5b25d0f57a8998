using System;
using System.Globalization;
using System.Management.Automation;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Checks a TimeSpan argument against a range. [ValidateRange] cannot: given its bounds as text (attributes take no
    /// TimeSpan), it compares the argument as text too, and "30.00:00:00" would pass a limit of "7.00:00:00".
    /// </summary>
    public sealed class ValidateDurationAttribute : ValidateArgumentsAttribute
    {
        /// <param name="minimum">The shortest duration accepted, as TimeSpan text, e.g. 00:00:01.</param>
        /// <param name="maximum">The longest, e.g. 7.00:00:00.</param>
        public ValidateDurationAttribute(string minimum, string maximum)
        {
            Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
            Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
        }

        public TimeSpan Minimum { get; }

        public TimeSpan Maximum { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (!(value is TimeSpan duration)) throw new ValidationMetadataException($"'{value}' is not a duration; give one such as 00:05:00 (five minutes).");
            if (duration < Minimum || duration > Maximum)
            {
                throw new ValidationMetadataException($"{duration} is outside the accepted range, from {Minimum} to {Maximum}.");
            }
        }
    }
}
