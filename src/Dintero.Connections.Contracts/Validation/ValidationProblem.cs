namespace Dintero.Connections.Validation
{
    /// <summary>One thing wrong with the input: where (a JSON path such as <c>signup.revenue.currency</c>) and what.</summary>
    public sealed class ValidationProblem
    {
        public ValidationProblem(string path, string message)
        {
            Path = path;
            Message = message;
        }

        /// <summary>The JSON path of the field, e.g. <c>signup.payment_options[0].type</c>.</summary>
        public string Path { get; }

        /// <summary>What is wrong and what is accepted. Never holds a secret or personal value.</summary>
        public string Message { get; }

        public override string ToString() => Path + ": " + Message;
    }
}
