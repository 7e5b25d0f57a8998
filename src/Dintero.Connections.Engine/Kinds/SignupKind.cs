using System;
using System.Collections.Generic;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Kinds
{
    /// <summary>
    /// A kind created from a signup body (<c>{"signup": ...}</c>): its rules and its personal values. A signup is checked
    /// once, by <see cref="Check"/>, and only a <see cref="CheckedSignup{TSignup, TConnection}"/> can be sent.
    /// </summary>
    public sealed class SignupKind<TSignup, TConnection> : ConnectionKind<TConnection>
        where TSignup : DinteroModel
        where TConnection : Connection, new()
    {
        private readonly Func<TSignup, IReadOnlyList<ValidationProblem>> validate;
        private readonly Func<TSignup, IReadOnlyCollection<string>> sensitiveValues;
        private readonly Func<TSignup, IEnumerable<PaymentOption>?> paymentOptions;

        internal SignupKind(string path, string[] settingsPath, Func<TSignup, IReadOnlyList<ValidationProblem>> validate,
            Func<TSignup, IReadOnlyCollection<string>> sensitiveValues, Func<TSignup, IEnumerable<PaymentOption>?> paymentOptions)
            : base(path, settingsPath)
        {
            this.validate = validate;
            this.sensitiveValues = sensitiveValues;
            this.paymentOptions = paymentOptions;
        }

        /// <summary>How the signup is named in errors, e.g. "The Common signup".</summary>
        public string What => $"The {Name} signup";

        /// <summary>Every problem of the signup, each under its JSON path below <c>signup</c>.</summary>
        public IReadOnlyList<ValidationProblem> Validate(TSignup signup) => validate(signup ?? throw new ArgumentNullException(nameof(signup)));

        /// <summary>The signup, checked against every rule: what the client sends.</summary>
        /// <exception cref="DinteroValidationException">Every problem at once; nothing may be sent.</exception>
        public CheckedSignup<TSignup, TConnection> Check(TSignup signup)
        {
            SignupValidator.ThrowIfInvalid(Validate(signup), What);
            return new CheckedSignup<TSignup, TConnection>(this, signup, sensitiveValues(signup), DoubtfulValues.Of(signup, SignupValidator.Root));
        }

        /// <summary>The payment option types the signup asks for, for -WhatIf and -Confirm.</summary>
        public IEnumerable<string> PaymentOptionTypes(TSignup signup)
        {
            var options = paymentOptions(signup);
            if (options == null) yield break;
            foreach (var option in options)
            {
                if (option?.type != null) yield return option.type;
            }
        }
    }

    /// <summary>A signup that passed its kind's rules (<see cref="SignupKind{TSignup, TConnection}.Check"/>), ready to send.</summary>
    public sealed class CheckedSignup<TSignup, TConnection>
        where TSignup : DinteroModel
        where TConnection : Connection, new()
    {
        internal CheckedSignup(SignupKind<TSignup, TConnection> kind, TSignup signup, IReadOnlyCollection<string> sensitiveValues, IReadOnlyList<ValidationProblem> doubts)
        {
            Kind = kind;
            Signup = signup;
            SensitiveValues = sensitiveValues;
            Doubts = doubts;
        }

        /// <summary>Values that pass Dintero's rules but would likely stall onboarding (<see cref="DoubtfulValues"/>): warnings, not errors.</summary>
        public IReadOnlyList<ValidationProblem> Doubts { get; }

        public SignupKind<TSignup, TConnection> Kind { get; }

        public TSignup Signup { get; }

        /// <summary>Personal values of the signup, masked by value in whatever is logged or thrown for its request.</summary>
        internal IReadOnlyCollection<string> SensitiveValues { get; }
    }
}
