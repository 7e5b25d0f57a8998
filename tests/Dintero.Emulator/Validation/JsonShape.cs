using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dintero.Emulator.Validation;

/// <summary>
/// A body's expected shape, as a JSON schema would say it: the fields an object knows (required or not), a text's length,
/// allowed values or format, a list's item and size. <see cref="Read"/> checks a body against it and keeps what it knows:
/// Dintero's answers echo an approval's fields, and a field no shape names is left out, neither refused nor stored (as
/// the emulator's payment profiles leave out what they do not know). Error paths and wording follow Dintero's validator
/// (<c>bank_accounts[0].payout_currency</c>, "should NOT be longer than 40 characters").
/// </summary>
public abstract partial record JsonShape
{
    /// <summary>Checks <paramref name="value"/> at <paramref name="path"/>; returns what is kept of it (null when it is wrong).</summary>
    public abstract JsonNode? Read(JsonNode value, string path, List<FieldError> errors);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    /// <summary>A JSON string: its length (UTF-16 units, as JSON schema counts for these alphabets), allowed values and format.</summary>
    public sealed record Text(int? MinLength = null, int? MaxLength = null, IReadOnlyCollection<string>? OneOf = null, string? Format = null) : JsonShape
    {
        public override JsonNode? Read(JsonNode value, string path, List<FieldError> errors)
        {
            if (value.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new(path, "should be string", "type"));
                return null;
            }
            var text = value.GetValue<string>();
            var before = errors.Count;
            if (MaxLength is { } max && text.Length > max) errors.Add(new(path, $"should NOT be longer than {max} characters", "maxLength"));
            if (MinLength is { } min && text.Length < min) errors.Add(new(path, $"should NOT be shorter than {min} characters", "minLength"));
            if (OneOf != null && !OneOf.Contains(text)) errors.Add(new(path, $"should be equal to one of the allowed values: {string.Join(", ", OneOf)}", "enum"));
            // A code list's check says nothing more of a text of the wrong length.
            if (errors.Count == before && Format != null && FormatProblem(Format, text) is { } problem) errors.Add(new(path, problem, "format"));
            return errors.Count == before ? JsonValue.Create(text) : null;
        }

        private static string? FormatProblem(string format, string text) => format switch
        {
            "country" => IsoCodes.Countries.Contains(text) ? null : "should be an ISO 3166-1 alpha-2 country code in capital letters, e.g. NO",
            "currency" => IsoCodes.Currencies.Contains(text) ? null : "should be an ISO 4217 currency code in capital letters, e.g. NOK",
            "email" => EmailPattern().IsMatch(text) ? null : "should match format \"email\"",
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _) ? null : "should match format \"date\"",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No such format."),
        };
    }

    /// <summary>A JSON true or false.</summary>
    public sealed record Flag : JsonShape
    {
        public override JsonNode? Read(JsonNode value, string path, List<FieldError> errors)
        {
            if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return value.DeepClone();
            errors.Add(new(path, "should be boolean", "type"));
            return null;
        }
    }

    /// <summary>A JSON array of one shape, with at least <paramref name="MinItems"/> and at most <paramref name="MaxItems"/> items.</summary>
    public sealed record Items(JsonShape Item, int MinItems = 0, int? MaxItems = null) : JsonShape
    {
        public override JsonNode? Read(JsonNode value, string path, List<FieldError> errors)
        {
            if (value is not JsonArray array)
            {
                errors.Add(new(path, "should be array", "type"));
                return null;
            }
            if (array.Count < MinItems) errors.Add(new(path, $"should NOT have fewer than {MinItems} items", "minItems"));
            if (MaxItems is { } max && array.Count > max) errors.Add(new(path, $"should NOT have more than {max} items", "maxItems"));
            var kept = new JsonArray();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is null)
                {
                    errors.Add(new($"{path}[{i}]", "should not be null", "type"));
                    continue;
                }
                kept.Add(Item.Read(array[i]!, $"{path}[{i}]", errors));
            }
            return kept;
        }
    }

    /// <summary>A JSON object of the fields named (each required or not); others are left out.</summary>
    public sealed record Record(IReadOnlyList<Field> Fields) : JsonShape
    {
        public override JsonNode? Read(JsonNode value, string path, List<FieldError> errors)
        {
            if (value is not JsonObject body)
            {
                errors.Add(new(path, "should be object", "type"));
                return null;
            }
            var kept = new JsonObject();
            foreach (var field in Fields)
            {
                var at = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                var given = body[field.Name];
                if (given == null)
                {
                    // Left out, or null: Dintero's schemas are not nullable.
                    if (field.Required || body.ContainsKey(field.Name)) errors.Add(new(at, field.Required ? "is required" : "should not be null", field.Required ? "required" : "type"));
                    continue;
                }
                if (field.Required && given.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(given.GetValue<string>()))
                {
                    errors.Add(new(at, "is required and should not be empty", "required"));
                    continue;
                }
                if (field.Shape.Read(given, at, errors) is { } read) kept[field.Name] = read;
            }
            return kept;
        }
    }

    /// <summary>A field of a <see cref="Record"/>.</summary>
    public sealed record Field(string Name, JsonShape Shape, bool Required = false);
}
