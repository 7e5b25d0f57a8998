using System.Management.Automation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// An API cmdlet whose pipeline records are rows: an Import-Csv row, a hashtable, a merchant from Get-DinteroAccount,
    /// a connection, or an account id as text. -InputObject takes each record whole, so that its account is read off it
    /// whatever else is bound (a row's account_id goes first, even where -AccountId is given), a hashtable is taken as a
    /// row (PowerShell binds no hashtable key by property name), and a row that names no account gets a "did you mean"
    /// for the column it has; the other parameters bind from the record's properties as ever.
    /// </summary>
    public abstract class DinteroRecordCmdlet<TResult> : DinteroBatchCmdlet<TResult>
    {
        /// <summary>A record from the pipeline: a row, a hashtable or an object whose account_id (and other properties) this command takes, or an account id.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        private protected override object? PipelineInput => InputObject;

        private protected override bool StringRecordIsAccountId => true;
    }
}
