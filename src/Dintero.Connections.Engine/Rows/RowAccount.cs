using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Parameters;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// Which account one record of a command is for: the one rule, for every cmdlet, so that no row reaches an account it
    /// does not name.
    /// <list type="bullet">
    /// <item>A record that names an account (its <c>account_id</c>, <c>AccountId</c> or <c>aid</c> cell or key, or the record
    /// itself when it is an account id) is for that account, even when -AccountId names another (one warning per command
    /// says so): a row's data belongs to the merchant it names, and a -AccountId from $PSDefaultParameterValues is not
    /// told apart from one typed for this command.</item>
    /// <item>A record whose account cell is there but empty (a blank cell, a $null from a missing key) is refused, unless
    /// -AccountId names the account of such rows: a gap in a sheet is not a choice of account.</item>
    /// <item>A record with no account cell at all is for -AccountId; without it, connected as a partner, it is refused
    /// (the partner's own account is reached only when the command names it, <c>-AccountId T11200000</c>), with a "did you
    /// mean" for a near column name and the -Delimiter hint for a sheet read with the wrong separator; connected as a
    /// merchant, it is for the connected account, the only one its client reaches.</item>
    /// <item>A record given by parameter (a sheet row as -Signup or -Approval) that has an account cell follows the rules
    /// above; input given by parameter without one is for -AccountId, else the connected account.</item>
    /// </list>
    /// </summary>
    public sealed class RowAccount
    {
        /// <summary>The names a record's account cell goes by: the parameter and its aliases (<see cref="AccountIdNames"/>), compared as keys are (<see cref="FieldNameComparer"/>).</summary>
        public static IReadOnlyList<string> Keys => AccountIdNames.All;

        private RowAccount(string? accountId, string? named, ValidationProblem? problem, string? differs)
        {
            AccountId = accountId;
            Named = named;
            Problem = problem;
            Differs = differs;
        }

        /// <summary>The account, well formed; null when <see cref="Problem"/> is set.</summary>
        public string? AccountId { get; }

        /// <summary>What the record itself named, as written (trimmed), malformed or not: what a report row carries.</summary>
        public string? Named { get; }

        /// <summary>Why the record has no account to go to; null when it has one.</summary>
        public ValidationProblem? Problem { get; }

        /// <summary>-AccountId, when the record names another account (which it goes to): warned about once per command.</summary>
        public string? Differs { get; }

        /// <summary>The warning for a record that names another account than -AccountId; null when they agree.</summary>
        /// <param name="label">The record, e.g. "Pipeline item 3".</param>
        public string? DifferenceNotice(string? label) => Differs == null ? null
            : $"{label ?? "The input"} names account {AccountId}, not {Differs} given with -AccountId (or $PSDefaultParameterValues): each row goes to the account it names, and -AccountId is the account of rows that name none. Said once per command.";

        /// <summary>Decides the account of one record.</summary>
        /// <param name="connectedAccount">The context's account.</param>
        /// <param name="fromPipeline">True for a pipeline record; false when everything came by parameter (a record given by parameter still names its account).</param>
        /// <param name="commandAccount">-AccountId as given for the whole command (by name, position or $PSDefaultParameterValues); null when not given.</param>
        /// <param name="record">What the record says of its account.</param>
        public static RowAccount Resolve(string connectedAccount, bool fromPipeline, string? commandAccount, RecordAccount record)
        {
            var command = Blank(commandAccount) ? null : commandAccount!.Trim();
            if (!fromPipeline && record.Kind != RecordAccountKind.Named) return Checked(command ?? connectedAccount, named: command, differs: null);
            switch (record.Kind)
            {
                case RecordAccountKind.Named when !Blank(record.Value):
                    var named = record.Value!.Trim();
                    var differs = command != null && !string.Equals(command, named, StringComparison.OrdinalIgnoreCase) ? command : null;
                    return Checked(named, named, differs);
                case RecordAccountKind.Named:
                    if (command != null) return Checked(command, command, null);
                    return new RowAccount(null, null, new ValidationProblem(record.Key ?? AccountIdNames.Column,
                        "is empty: each row names the account it is for. Fill in the cell, or give -AccountId for the rows whose cell is empty."), null);
                default:
                    if (command != null) return Checked(command, command, null);
                    if (!AccountIdFormat.IsPartner(connectedAccount)) return Checked(connectedAccount, null, null);
                    return new RowAccount(null, null, new ValidationProblem(AccountIdNames.Column,
                        $"is missing: connected as partner {connectedAccount}, each row names the merchant it is for in an account_id column (or give -AccountId; -AccountId {connectedAccount} is the partner's own account).{Hint(record.OtherKeys)}"), null);
            }
        }

        private static RowAccount Checked(string accountId, string? named, string? differs)
        {
            var problem = AccountIdFormat.Check(accountId, AccountIdNames.Column);
            return problem == null ? new RowAccount(accountId, named, null, differs) : new RowAccount(null, named, problem, null);
        }

        /// <summary>Whether a record's account cell holds nothing: null, empty or only white space.</summary>
        public static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

        // A near column name, or a sheet read with the wrong delimiter.
        private static string Hint(IReadOnlyList<string> keys)
        {
            foreach (var key in keys)
            {
                var delimiter = SheetShape.DelimiterHint(key, IsAccountKey);
                if (delimiter != null) return " " + delimiter;
            }
            foreach (var key in keys)
            {
                if (Suggestions.Closest(key, Keys) != null) return $" The column '{key}' looks like it: name it account_id.";
            }
            return string.Empty;
        }

        /// <summary>Whether a record's key names its account (<see cref="Keys"/>).</summary>
        public static bool IsAccountKey(string key) => Keys.Contains(key, FieldNameComparer.Instance);
    }

    /// <summary>What a record says of its account, read off the record by the cmdlet layer.</summary>
    public enum RecordAccountKind
    {
        /// <summary>No account cell (or no record).</summary>
        None,

        /// <summary>An account cell, or the record itself is an account id; its value may be blank.</summary>
        Named,
    }

    /// <summary>A record's account cell as found, and its other keys (for the hints of a record that names none).</summary>
    public readonly struct RecordAccount
    {
        private RecordAccount(RecordAccountKind kind, string? key, string? value, IReadOnlyList<string>? otherKeys)
        {
            Kind = kind;
            Key = key;
            Value = value;
            OtherKeys = otherKeys ?? Array.Empty<string>();
        }

        public RecordAccountKind Kind { get; }

        /// <summary>The cell's name as written (e.g. <c>account_id</c>); null for a record that is itself the id.</summary>
        public string? Key { get; }

        /// <summary>The cell's text; null for a $null cell.</summary>
        public string? Value { get; }

        /// <summary>The record's other keys, for a "did you mean".</summary>
        public IReadOnlyList<string> OtherKeys { get; }

        /// <summary>True when the record has keys at all (a row, a hashtable), not only a value.</summary>
        public bool HasKeys => OtherKeys.Count > 0 || Key != null;

        /// <summary>No record (input by parameter), or one that cannot name an account (a number, a typed model without one).</summary>
        public static RecordAccount None { get; } = new RecordAccount(RecordAccountKind.None, null, null, null);

        /// <summary>The record has an account cell <paramref name="key"/> holding <paramref name="value"/>.</summary>
        public static RecordAccount Cell(string key, string? value) => new RecordAccount(RecordAccountKind.Named, key, value, null);

        /// <summary>The record is itself an account id (a string piped in).</summary>
        public static RecordAccount Itself(string value) => new RecordAccount(RecordAccountKind.Named, null, value, null);

        /// <summary>The record has keys, none of them an account cell.</summary>
        public static RecordAccount Missing(IReadOnlyList<string> keys) => new RecordAccount(RecordAccountKind.None, null, null, keys);

        /// <summary>What a dictionary (a hashtable, a sheet's row unwrapped) says of its account.</summary>
        public static RecordAccount FromMap(IDictionary map)
        {
            var keys = new List<string>(map.Count);
            foreach (DictionaryEntry entry in map)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                if (RowAccount.IsAccountKey(key.Trim())) return Cell(key, entry.Value == null ? null : Convert.ToString(entry.Value, CultureInfo.InvariantCulture));
                keys.Add(key);
            }
            return Missing(keys);
        }

        /// <summary>What JSON text given as a record says of its account (its top-level keys); nothing when it is not a JSON object.</summary>
        public static RecordAccount FromJson(string json)
        {
            try
            {
                return Json.DinteroJson.ParsePlain(json) is IDictionary map ? FromMap(map) : None;
            }
            catch (FormatException)
            {
                return None;
            }
        }
    }
}
