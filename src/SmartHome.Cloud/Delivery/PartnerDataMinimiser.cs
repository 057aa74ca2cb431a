using System.Buffers;
using System.Text.Json;
using SmartHome.Cloud.Apis;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Data minimisation: which fields of an event's <c>data</c> a partner of each kind receives (docs/api.md has the same
/// table). Whatever is not listed is left out, so a field added to an event later reaches no partner until it is
/// listed here. No partner gets identifiers of the household's own (item, gateway or appliance ids); a dietitian
/// gets category totals, never item names.
/// </summary>
internal static class PartnerDataMinimiser
{
    private static readonly string[] FoodForShops = ["name", "category", "quantity", "unit", "bestBefore"];
    private static readonly string[] CategoryAndDate = ["category", "bestBefore"];
    private static readonly string[] Excursion = ["compartment", "celsius", "safeMinCelsius", "safeMaxCelsius", "since"];
    private static readonly string[] Door = ["door", "openSince", "openSeconds"];
    private static readonly string[] Offline = ["since"];
    private static readonly string[] Week = ["weekStart"];

    /// <summary>Type → partner kind → the data fields that kind receives; kinds not named get what <c>other</c> gets.</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Fields = new(StringComparer.Ordinal)
    {
        [NeedEventTypes.FoodExpiring] = Table(grocery: FoodForShops, recipe: FoodForShops, dietitian: CategoryAndDate, other: CategoryAndDate),
        [NeedEventTypes.FoodExpired] = Table(grocery: ["name", "category", "bestBefore"], recipe: ["name", "category", "bestBefore"], dietitian: ["category"], other: ["category"]),
        [NeedEventTypes.FoodUnsafe] = Table(grocery: ["category"], recipe: ["name", "category"], dietitian: ["category"], other: ["category"]),
        [NeedEventTypes.StockLow] = Table(
            grocery: ["name", "category", "barcode", "quantity", "minimumQuantity", "unit"], recipe: ["name", "category"], dietitian: ["category"], other: ["category"]),
        [NeedEventTypes.TemperatureExcursion] = Table(Excursion, Excursion, Excursion, Excursion),
        [NeedEventTypes.DoorLeftOpen] = Table(Door, Door, Door, Door),
        [NeedEventTypes.ApplianceOffline] = Table(Offline, Offline, Offline, Offline),
        [NeedEventTypes.DietWeeklySummary] = Table(grocery: Week, recipe: Week, dietitian: ["weekStart", "categories"], other: Week),
    };

    /// <summary>The data fields a partner of <paramref name="partnerKind"/> receives for <paramref name="type"/>; none for a type not in the table.</summary>
    public static IReadOnlyList<string> FieldsFor(string partnerKind, string type) =>
        Fields.TryGetValue(type, out var byKind) ? byKind.GetValueOrDefault(partnerKind) ?? byKind[PartnerKinds.Other] : [];

    /// <returns>A JSON object with only the fields of <paramref name="data"/> the partner's kind receives.</returns>
    public static JsonElement Minimise(string partnerKind, string type, JsonElement data)
    {
        var allowed = FieldsFor(partnerKind, type);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (data.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in data.EnumerateObject().Where(p => allowed.Contains(p.Name)))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string[]> Table(string[] grocery, string[] recipe, string[] dietitian, string[] other) =>
        new(StringComparer.Ordinal)
        {
            [PartnerKinds.Grocery] = grocery, [PartnerKinds.Recipe] = recipe, [PartnerKinds.Dietitian] = dietitian, [PartnerKinds.Other] = other,
        };
}
