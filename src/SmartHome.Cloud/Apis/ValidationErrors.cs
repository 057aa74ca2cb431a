using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Apis;

/// <summary>Collects field messages for a 400 validation problem (<c>errors</c> keyed by the JSON path of the field).</summary>
internal sealed class ValidationErrors
{
    public const int MaxTypes = 32;

    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public IDictionary<string, string[]> ToDictionary() => errors;

    public void Add(string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    /// <summary>Checks a list's <c>limit</c> query parameter: 1 to <paramref name="max"/>.</summary>
    public void CheckLimit(int limit, int max)
    {
        if (limit < 1 || limit > max)
        {
            Add("limit", $"limit must be between 1 and {max}");
        }
    }

    /// <summary>Checks an event-type list as subscriptions and consents take it.</summary>
    public void CheckTypes(IReadOnlyList<string>? types, string field = "types")
    {
        if (types is null || types.Count == 0)
        {
            Add(field, "give at least one event type, e.g. \"shg.food.expiring.v1\" or \"shg.food.*\"");
            return;
        }

        if (types.Count > MaxTypes)
        {
            Add(field, $"give at most {MaxTypes} event types");
            return;
        }

        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is null || !EventTypePattern.IsValid(types[i]))
            {
                Add($"{field}[{i}]", $"'{types[i]}' is not an event type or a pattern with one trailing '*' (letters, digits, '.', '-', '_')");
            }
        }
    }
}
