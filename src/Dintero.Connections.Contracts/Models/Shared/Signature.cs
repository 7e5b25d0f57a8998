using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>Who signs the agreement, and the politically-exposed-person declarations.</summary>
    public sealed class Signature : DinteroModel
    {
        public List<Signatory>? signatures { get; set; }
        public bool? politically_exposed_person { get; set; }
        public bool? politically_exposed_associated { get; set; }
    }

    /// <summary>A person who signs.</summary>
    public sealed class Signatory : DinteroModel
    {
        public string? name { get; set; }
        public string? email { get; set; }
    }
}
