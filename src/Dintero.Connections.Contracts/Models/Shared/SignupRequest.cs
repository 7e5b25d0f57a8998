namespace Dintero.Connections.Models
{
    /// <summary>The body of a signup POST: <c>{"signup": {...}}</c>.</summary>
    public sealed class SignupRequest<TSignup> : DinteroModel where TSignup : DinteroModel
    {
        public TSignup? signup { get; set; }
    }
}
