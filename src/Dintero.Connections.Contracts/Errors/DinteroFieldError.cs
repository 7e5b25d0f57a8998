using System.Collections.Generic;

namespace Dintero.Connections.Errors
{
    /// <summary>One of the nested validation errors of a Dintero error body.</summary>
    public sealed class DinteroFieldError
    {
        public DinteroFieldError(string? path, string? message, string? code, IReadOnlyList<DinteroFieldError> errors)
        {
            Path = path;
            Message = message;
            Code = code;
            Errors = errors;
        }

        /// <summary>The field, e.g. <c>signup.store_type</c>, when Dintero names one.</summary>
        public string? Path { get; }

        public string? Message { get; }

        public string? Code { get; }

        /// <summary>Errors nested below this one.</summary>
        public IReadOnlyList<DinteroFieldError> Errors { get; }

        public override string ToString() =>
            string.IsNullOrEmpty(Path) ? Message ?? Code ?? "(no message)" : $"{Path}: {Message ?? Code}";
    }
}
