using System;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// What every case Dintero reviews has, a payment approval's and a seller's alike: its id, its case_status, when it was
    /// opened and the form to sign. The code that follows cases (skips, read-backs, waits) reads them through this; the
    /// models keep their own properties, in Dintero's order, so their views, CSV and JSON read as Dintero's.
    /// </summary>
    public interface IApprovalCase
    {
        string? id { get; }

        string? case_status { get; }

        DateTimeOffset? created_at { get; }

        string? contract_url { get; }
    }
}
