using System.Text.Json;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Core.Events;

/// <summary>
/// A subscription's attribute filter, e.g. <c>{"category":["dairy","meat"]}</c>: of the events its types select, it
/// receives only those whose data has, for every filtered attribute the event's type carries, one of the listed values
/// (compared ignoring case). An attribute the type does not carry does not filter it; an event of a type that carries
/// it but has no value for it does not match.
/// </summary>
public static class EventDataFilter
{
    public const string Category = "category";
    public const string Location = "location";
    public const string Compartment = "compartment";

    /// <summary>The filterable attributes and the event types whose data carries each (under the same name).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Category] = [NeedEventTypes.FoodExpiring, NeedEventTypes.FoodExpired, NeedEventTypes.FoodUnsafe, NeedEventTypes.StockLow],
        [Location] = [NeedEventTypes.FoodExpiring, NeedEventTypes.FoodExpired, NeedEventTypes.FoodUnsafe],
        [Compartment] = [NeedEventTypes.TemperatureExcursion],
    };

    /// <summary>Whether some type the patterns select carries <paramref name="attribute"/> (a filter on it would otherwise never apply).</summary>
    public static bool AppliesToAny(string attribute, IEnumerable<string> typePatterns) =>
        Attributes.TryGetValue(attribute, out var types) && types.Any(type => EventTypePattern.MatchesAny(typePatterns, type));

    /// <param name="filter">Attribute → accepted values; null or empty accepts everything.</param>
    /// <param name="type">The event's type.</param>
    /// <param name="data">The event's data, as the core raised it (before any minimisation).</param>
    public static bool Matches(IReadOnlyDictionary<string, string[]>? filter, string type, JsonElement data)
    {
        if (filter is null)
        {
            return true;
        }

        foreach (var (attribute, accepted) in filter)
        {
            if (!Attributes.TryGetValue(attribute, out var types) || !types.Contains(type))
            {
                continue;
            }

            var value = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(attribute, out var property) && property.ValueKind == JsonValueKind.String
                ? property.GetString()!.Trim()
                : null;
            if (value is null || !accepted.Any(a => string.Equals(a.Trim(), value, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }
}
