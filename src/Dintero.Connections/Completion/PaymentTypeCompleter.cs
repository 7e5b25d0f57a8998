using System.Collections.Generic;
using Dintero.Connections.Checkout;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes Set-DinteroPaymentProfile -Enable and -Disable with the payment types the engine knows (PaymentTypes.Known, an open list).</summary>
    public sealed class PaymentTypeCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => PaymentTypes.Known;

        protected override string Describe(string value) => $"the {value} payment type";
    }
}
