using Dintero.Connections.Errors;

namespace Dintero.Connections.Output
{
    /// <summary>One input of a cmdlet, with what its errors say about it.</summary>
    internal sealed class PipelineItem
    {
        /// <param name="input">The object as given, kept whole as the errors' TargetObject.</param>
        /// <param name="index">Its position in the pipeline input, from 0; null when given by parameter.</param>
        /// <param name="accountId">The account it is for, once known.</param>
        public PipelineItem(object? input, int? index, string? accountId)
        {
            Input = input;
            Index = index;
            AccountId = accountId;
        }

        public object? Input { get; }

        public int? Index { get; }

        public string? AccountId { get; set; }

        /// <summary>What the error view prints as the target: never the input's text (<see cref="ErrorReport.TargetName"/>).</summary>
        public string TargetName => ErrorReport.TargetName(Index, AccountId);

        /// <summary>Put before an error's message; only pipeline input needs telling apart ("Pipeline item 3" is the fourth object).</summary>
        public string? Label => Index == null ? null : $"Pipeline item {Index}";
    }
}
