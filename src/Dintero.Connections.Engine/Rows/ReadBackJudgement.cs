using Dintero.Connections.Errors;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// What reading back concluded about a change whose answer was lost (<see cref="RowRunner{TAsk, TMade}"/> asks its spec):
    /// proved stored, not stored, cannot tell, or stored but of no use (an API client whose secret was in the lost answer);
    /// and what was found, for the messages.
    /// </summary>
    public sealed class ReadBackJudgement
    {
        private ReadBackJudgement(bool stored, ReadBackFinding? finding, bool ofNoUse, string found)
        {
            Stored = stored;
            Finding = finding;
            OfNoUse = ofNoUse;
            Found = found;
        }

        /// <summary>This change, stored.</summary>
        public static ReadBackJudgement Proved(string found) => new ReadBackJudgement(true, null, false, found);

        /// <summary>Not stored: nothing, or what was there before; sending it again is safe.</summary>
        public static ReadBackJudgement NotStored(string found) => new ReadBackJudgement(false, ReadBackFinding.NotStored, false, found);

        /// <summary>Something changed after the request that cannot be told to be this change: it is not sent again blind.</summary>
        public static ReadBackJudgement CannotTell(string found) => new ReadBackJudgement(false, ReadBackFinding.CannotTell, false, found);

        /// <summary>Stored, but of no use without the lost answer (a client's secret is shown once): to be undone, and the row run again.</summary>
        public static ReadBackJudgement Useless(string found) => new ReadBackJudgement(true, null, true, found);

        public bool Stored { get; }

        /// <summary>Null when <see cref="Stored"/>.</summary>
        public ReadBackFinding? Finding { get; }

        /// <summary>Stored, but to be undone: what proves it is of no use is in <see cref="Found"/>.</summary>
        public bool OfNoUse { get; }

        /// <summary>What was found, e.g. "none" or "this signup stored at 2026-12-03 10:15:02Z (pending)".</summary>
        public string Found { get; }
    }
}
