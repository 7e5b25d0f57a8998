using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Parameters;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Templates
{
    /// <summary>How the cmdlet a sheet is for reads one of its rows, and so how a template names its columns.</summary>
    public enum TemplateLayout
    {
        /// <summary>
        /// Through the binder (<see cref="InputBinder"/>), as the New-Dintero*Connection cmdlets read a row: nested fields as
        /// dotted columns (<c>revenue.currency</c>), list items by index (<c>payment_options[0].type</c>), a list of plain
        /// values as one cell of items joined with ';'.
        /// </summary>
        Fields,

        /// <summary>
        /// By the cmdlet's parameters, each column bound to the parameter of its name, as Set-DinteroAccountSetting reads a
        /// row: the model's top-level fields only, a nested one (the address) as one cell of JSON text.
        /// </summary>
        Parameters,
    }

    /// <summary>
    /// A kind of sheet a partner fills in, one row per merchant: the model a row binds to, the path its problems are named
    /// under, how the row is read, and the check the kind's cmdlet runs before it sends. <see cref="TemplateKinds"/> lists
    /// them; <see cref="SignupTemplate.Row"/> makes a kind's template. This base is a kind that takes no body (Vipps): its
    /// sheet is the account alone.
    /// </summary>
    public class TemplateKind
    {
        /// <summary>The keys of a row that name the account (account_id, AccountId, aid): the cmdlet's -AccountId, not a field.</summary>
        private protected static readonly IReadOnlyDictionary<string, string> AccountKeys =
            AccountIdNames.All.ToDictionary(name => name, _ => AccountIdNames.Parameter, StringComparer.OrdinalIgnoreCase);

        internal TemplateKind(string name)
            : this(name, null, string.Empty, TemplateLayout.Fields, null)
        {
        }

        private protected TemplateKind(string name, Type? modelType, string root, TemplateLayout layout, IReadOnlyDictionary<string, string>? examples)
        {
            Name = name;
            ModelType = modelType;
            Root = root;
            Layout = layout;
            Examples = examples ?? new Dictionary<string, string>();
        }

        /// <summary>As Get-DinteroSignupTemplate -Kind takes it, e.g. <c>Common</c>, <c>AccountSetting</c>.</summary>
        public string Name { get; }

        /// <summary>The model a row binds to; null for a kind that takes no body (Vipps).</summary>
        public Type? ModelType { get; }

        /// <summary>The JSON path the row is bound under and its check names problems under, e.g. <c>signup</c>.</summary>
        public string Root { get; }

        public TemplateLayout Layout { get; }

        /// <summary>Whether the kind's cmdlet checks a row before sending, and so the template is checked too.</summary>
        public virtual bool HasCheck => false;

        /// <summary>The kind's own example values, by <c>Model.field</c> or field name, before <see cref="ExampleValues"/>'s.</summary>
        internal IReadOnlyDictionary<string, string> Examples { get; }

        /// <summary>
        /// The row bound as the kind's cmdlet binds it, and the keys the binder left to other cmdlets (a template must have
        /// none); no model for a kind without a body.
        /// </summary>
        /// <exception cref="DinteroValidationException">The binder refuses the row: every problem.</exception>
        internal virtual (DinteroModel? Model, IReadOnlyList<string> IgnoredKeys) Bind(IDictionary row) => (null, Array.Empty<string>());

        /// <summary>What the kind's check refuses in the bound model; none without a check.</summary>
        internal virtual IReadOnlyList<ValidationProblem> Refusals(DinteroModel? model) => Array.Empty<ValidationProblem>();

        public override string ToString() => Name;
    }

    /// <summary>A kind whose rows bind to <typeparamref name="TModel"/>, checked by its cmdlet's check where it has one.</summary>
    public sealed class TemplateKind<TModel> : TemplateKind where TModel : DinteroModel, new()
    {
        private readonly Action<TModel>? check;

        /// <param name="name">The kind's name.</param>
        /// <param name="root">The path the cmdlet binds the row under and its check names problems under.</param>
        /// <param name="layout">How the cmdlet reads a row.</param>
        /// <param name="check">
        /// The check the kind's cmdlet runs before sending: throws <see cref="DinteroValidationException"/> with every
        /// problem. Null where the module has none yet: the template is then built from the model alone.
        /// </param>
        /// <param name="examples">The kind's own example values (a provider's payment option type), by <c>Model.field</c> or field name.</param>
        internal TemplateKind(string name, string root, TemplateLayout layout, Action<TModel>? check, IReadOnlyDictionary<string, string>? examples = null)
            : base(name, typeof(TModel), root, layout, examples)
        {
            this.check = check;
        }

        public override bool HasCheck => check != null;

        internal override (DinteroModel? Model, IReadOnlyList<string> IgnoredKeys) Bind(IDictionary row)
        {
            var bound = InputBinder.BindInput<TModel>(row, $"The {Name} template", Root, AccountKeys);
            return (bound.Model, bound.IgnoredKeys);
        }

        internal override IReadOnlyList<ValidationProblem> Refusals(DinteroModel? model)
        {
            if (check == null) return Array.Empty<ValidationProblem>();
            try
            {
                check((TModel)model!);
                return Array.Empty<ValidationProblem>();
            }
            catch (DinteroValidationException refused)
            {
                return refused.Problems;
            }
        }
    }
}
