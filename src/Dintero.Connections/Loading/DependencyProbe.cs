using System.Collections.Generic;
using Dintero.Connections.Json;
using Dintero.Connections.Models;

namespace Dintero.Connections.Loading
{
    /// <summary>
    /// Exercises the engine and its dependencies and reports where they were loaded from. Used by the test that
    /// proves dependency isolation; it touches no PowerShell type.
    /// </summary>
    internal static class DependencyProbe
    {
        public static IReadOnlyDictionary<string, string> Run()
        {
            // Serializing needs System.Text.Json; building a client needs Microsoft.Extensions.Http.
            var json = DinteroJson.Serialize(new PaymentOption { type = "dintero.zero", currencies = new List<string> { "NOK" } });
            using (var client = new Http.DinteroClient(new Http.DinteroClientOptions { Credential = new Auth.ClientCredential("probe", "probe-secret") }))
            {
                json += " " + client.BaseUri;
            }
            return new Dictionary<string, string>
            {
                ["result"] = json,
                ["engine"] = typeof(DinteroJson).Assembly.Location,
                ["engineContext"] = DependencyLoader.LoadContextName(typeof(DinteroJson).Assembly) ?? "(none)",
                ["serializer"] = DinteroJson.SerializerLocation,
                ["contractsContext"] = DependencyLoader.LoadContextName(typeof(PaymentOption).Assembly) ?? "(none)",
                // A model the engine creates must be of the very type the cmdlets see, or PowerShell could not use it.
                ["sameModelType"] = (DinteroJson.Deserialize<PaymentOption>("{}").GetType() == typeof(PaymentOption)).ToString(),
            };
        }
    }
}
