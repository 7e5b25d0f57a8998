using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;
using Dintero.Connections.Paging;
using Dintero.Connections.Requests;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Sends a request to any endpoint of Dintero's API with the session's sign-in: the escape hatch for what the module
    /// has no cmdlet for yet (payex/overrides, the case-based signups, approvals, API clients, webhooks). It has what every
    /// API cmdlet has: the cached tokens (a partner's merchants through the token exchange), the retries (a change that
    /// may have reached Dintero is never sent again), redacted Verbose and Debug lines, Dintero's errors as ErrorRecords,
    /// pipeline input with -ThrottleLimit, and -WhatIf/-Confirm for every method but GET.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "DinteroRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectsSet)]
    [OutputType(typeof(PSObject), typeof(System.Collections.Specialized.OrderedDictionary), typeof(string))]
    public sealed class InvokeDinteroRequestCommand : DinteroBatchCmdlet<DinteroResponse>
    {
        /// <summary>Under the account (management/settings/connections/payex/overrides), from the API root (/accounts/{aid}/...), or the API's URL.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uri", "Url")]
        public string? Path { get; set; }

        /// <summary>GET (the default), POST, PUT, PATCH or DELETE.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MethodCompleter))]
        public string Method { get; set; } = "GET";

        /// <summary>A hashtable, a PSCustomObject, a typed model or JSON text, sent as JSON.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Body { get; set; }

        /// <summary>Names and values for the query string; a list value repeats the name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? Query { get; set; }

        /// <summary>Follows Dintero's limit/starting_after cursor through every page of a list, writing items as each page comes.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>With -All: items per request, in Dintero's page sizes (<see cref="Paging.CursorPaging.MaxLimit"/>; unless -Query gives a limit).</summary>
        [Parameter]
        [ValidateRange(1, CursorPaging.MaxLimit)]
        public int PageSize { get; set; } = CursorPaging.MaxLimit;

        // The answer's shape: objects, hashtables or JSON text, one of them (PowerShell refuses -Raw with -AsHashtable).
        private const string ObjectsSet = "Objects";
        private const string HashtableSet = "Hashtable";
        private const string RawSet = "Raw";

        /// <summary>Writes ordered hashtables instead of PSCustomObjects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HashtableSet)]
        public SwitchParameter AsHashtable { get; set; }

        /// <summary>Writes the answer's JSON text (credential fields masked as "***") instead of objects.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RawSet)]
        public SwitchParameter Raw { get; set; }

        /// <summary>A variable that gets the last answer's HTTP status, also when it was an error.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatusCodeVariable { get; set; }

        /// <summary>A variable that gets the last answer's headers (redacted), also when it was an error.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ResponseHeadersVariable { get; set; }

        private protected override string Activity => "Sending requests to Dintero";

        private protected override BatchCall<DinteroResponse>? Plan(BatchItem item)
        {
            var body = Body is string ? Body : PowerShellInput.ToPlain(Body);
            var query = Query == null ? null : PowerShellInput.ToPlain(Query) as IDictionary;
            // A record that names no account may still name one in its path (/accounts/T11200001/...): the account rule's
            // refusal is the request's only where the path needs the account (a path under it, or {aid}).
            var account = item.Account.Problem == null ? item.ResolveAccount() : null;
            // The client's API root ends in a slash, as DinteroRequest wants it.
            var request = DinteroRequest.Create(Method, Path, query, body, account, item.Api.BaseUri, accountGiven: item.Account.Named != null, item.Account.Problem);
            // The account the path names is the record's (its token, its errors' target).
            item.UseAccount(request.AccountId);
            if (All)
            {
                var limit = request.PageLimit(PageSize);
                return BatchCall.Pages((cursor, token) => item.Api.SendPageAsync(request, limit, cursor, token));
            }
            var send = new Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<DinteroResponse>>(token => item.Api.SendAsync(request, token));
            return request.IsChange ? BatchCall.Change($"Send {request}{(request.Body == null ? string.Empty : $" with a {request.Body.Length}-byte JSON body")}", send) : BatchCall.Read(send);
        }

        private protected override void WriteResult(DinteroResponse result, BatchItem item)
        {
            SetVariables(result.StatusCode, result.Headers);
            var shape = Raw ? ResponseShape.Json : AsHashtable ? ResponseShape.Hashtables : ResponseShape.Objects;
            foreach (var output in ResponseObjects.Of(result, shape)) WriteObject(output);
        }

        private protected override RecordObserver<DinteroResponse> StartObserver() => new LastAnswer(this);

        /// <summary>-StatusCodeVariable and -ResponseHeadersVariable also for an answer that was an error.</summary>
        private sealed class LastAnswer : RecordObserver<DinteroResponse>
        {
            private readonly InvokeDinteroRequestCommand cmdlet;

            public LastAnswer(InvokeDinteroRequestCommand cmdlet) => this.cmdlet = cmdlet;

            public override void Record(BatchItem item, BatchEnd<DinteroResponse> end)
            {
                if (end.Kind == BatchEndKind.Failed && end.Failure is DinteroApiException answer) cmdlet.SetVariables(answer.StatusCode, answer.ResponseHeaders);
            }
        }

        private void SetVariables(int status, IReadOnlyDictionary<string, string> headers)
        {
            // In the caller's scope, as Invoke-RestMethod sets its own (-StatusCodeVariable, -ResponseHeadersVariable).
            if (StatusCodeVariable != null) SessionState.PSVariable.Set(StatusCodeVariable, status);
            if (ResponseHeadersVariable != null)
            {
                var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
                foreach (var header in headers) table[header.Key] = header.Value;
                SessionState.PSVariable.Set(ResponseHeadersVariable, table);
            }
        }
    }
}
