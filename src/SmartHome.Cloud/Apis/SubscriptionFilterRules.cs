using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.Apis;

/// <summary>What a subscription's attribute filter (<see cref="EventDataFilter"/>) must look like.</summary>
internal static class SubscriptionFilterRules
{
    public const int MaxValues = 32;
    public const int MaxValueLength = 64;

    private static readonly string[] Locations = [.. Enum.GetNames<StorageLocation>().Select(n => n.ToLowerInvariant())];

    /// <summary>Checks the filter against the subscription's types (already checked); reports each bad attribute or value under <c>filter.{attribute}</c>.</summary>
    public static void CheckFilter(this ValidationErrors errors, IReadOnlyDictionary<string, IReadOnlyList<string>?>? filter, IReadOnlyList<string>? types)
    {
        foreach (var (attribute, values) in filter ?? new Dictionary<string, IReadOnlyList<string>?>())
        {
            var field = $"filter.{attribute}";
            if (!EventDataFilter.Attributes.ContainsKey(attribute))
            {
                errors.Add(field, $"'{attribute}' cannot be filtered on; the filterable attributes are {string.Join(", ", EventDataFilter.Attributes.Keys)}");
                continue;
            }

            if (types is not null && !EventDataFilter.AppliesToAny(attribute, types))
            {
                errors.Add(field, $"none of the subscribed types carries '{attribute}' (it is in {string.Join(", ", EventDataFilter.Attributes[attribute])})");
            }

            if (values is null || values.Count == 0 || values.Count > MaxValues)
            {
                errors.Add(field, $"give 1 to {MaxValues} values");
                continue;
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(values[i]) || values[i].Length > MaxValueLength)
                {
                    errors.Add($"{field}[{i}]", $"give a value of 1 to {MaxValueLength} characters");
                }
                else if (attribute == EventDataFilter.Location && !Locations.Contains(values[i].Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add($"{field}[{i}]", $"'{values[i]}' is not a location; give one of {string.Join(", ", Locations)}");
                }
            }
        }
    }

    /// <summary>The filter as stored: values trimmed; null when it filters nothing.</summary>
    public static Dictionary<string, string[]>? Normalise(IReadOnlyDictionary<string, IReadOnlyList<string>?>? filter) =>
        filter is null || filter.Count == 0
            ? null
            : filter.ToDictionary(f => f.Key, f => f.Value!.Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparer.Ordinal);
}
