using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Errors
{
    /// <summary>The input was refused before anything was sent. Lists every problem with its JSON path.</summary>
    public sealed class DinteroValidationException : DinteroException
    {
        public DinteroValidationException(string what, IReadOnlyList<ValidationProblem> problems)
            : base(BuildMessage(what, problems))
        {
            Problems = problems;
        }

        public IReadOnlyList<ValidationProblem> Problems { get; }

        public override string ErrorId => ErrorIds.ValidationFailed;

        private static string BuildMessage(string what, IReadOnlyList<ValidationProblem> problems)
        {
            var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
            return $"{what} is not valid ({count}); nothing was sent:"
                + string.Concat(problems.Select(problem => "\n  " + problem));
        }
    }
}
