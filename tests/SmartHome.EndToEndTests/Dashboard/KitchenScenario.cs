using System.Globalization;
using SmartHome.Contracts;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>
/// A hand-made scenario on two appliances of its own (the demo fridge keeps adding to the same household, so the
/// tests look only at these items): a warm fridge that has read 12 °C for the last five hours, holding milk that
/// was in it before the warmth, and a cold fridge without readings, holding items whose label dates lie before,
/// just after and well after today. Each item says what state it must end up in, and why.
/// </summary>
internal static class KitchenScenario
{
    public const string WarmFridge = "e2e-warm-fridge";
    public const string ColdFridge = "e2e-cold-fridge";

    /// <summary>The items; <paramref name="today"/> is the household's date.</summary>
    public static IReadOnlyList<KitchenItem> Items(DateOnly today) =>
    [
        // Perishable and five hours at 12 °C: unsafe whatever its label says.
        new("e2e-warm-milk", "Warm Milk", "dairy", WarmFridge, today.AddDays(10), "unsafe"),
        // No readings in the cold fridge, so the label dates stand; the window is two days (the default).
        new("e2e-old-ham", "Old Ham", "deli", ColdFridge, today.AddDays(-3), "expired"),
        new("e2e-old-pickles", "Old Pickles", "condiments", ColdFridge, today.AddDays(-5), "expired"),
        new("e2e-soon-yoghurt", "Soon Yoghurt", "dairy", ColdFridge, today.AddDays(1), "expiring"),
        new("e2e-soon-cream", "Soon Cream", "dairy", ColdFridge, today.AddDays(1), "expiring"),
        new("e2e-apple-jam", "Apple Jam", "condiments", ColdFridge, today.AddDays(30), "fresh"),
        new("e2e-later-cheese", "Later Cheese", "dairy", ColdFridge, today.AddDays(6), "fresh"),
    ];

    /// <summary>Eat first: unsafe, expired, expiring, fresh; then the earlier date; then the name.</summary>
    public static IEnumerable<KitchenItem> EatFirst(IEnumerable<KitchenItem> items)
    {
        string[] states = ["unsafe", "expired", "expiring", "fresh"];
        return items.OrderBy(i => Array.IndexOf(states, i.State)).ThenBy(i => i.BestBefore).ThenBy(i => i.Name, StringComparer.Ordinal);
    }

    public static async Task PlayAsync(int applianceLinkPort, DateOnly today, DateTimeOffset now)
    {
        await using var link = await MqttTestClient.ConnectAsync(applianceLinkPort);
        foreach (var item in Items(today))
        {
            var addedAt = item.Appliance == WarmFridge ? now.AddHours(-6) : now.AddHours(-1);
            await link.PublishAsync(Topics.ApplianceInventory(item.Appliance),
                $$"""{"op":"added","itemId":"{{item.ItemId}}","name":"{{item.Name}}","category":"{{item.Category}}","quantity":1,"bestBefore":"{{item.BestBefore:yyyy-MM-dd}}","location":"fridge","at":"{{At(addedAt)}}"}""");
        }

        await PublishReadingAsync(link, WarmFridge, 3.0, now.AddHours(-6));
        for (var at = now.AddHours(-5); at <= now; at = at.AddMinutes(10))
        {
            await PublishReadingAsync(link, WarmFridge, 12.0, at);
        }
    }

    public static Task PublishReadingAsync(MqttTestClient link, string applianceId, double celsius, DateTimeOffset at) =>
        link.PublishAsync(Topics.ApplianceTemperature(applianceId),
            $$"""{"sensor":"fridge","celsius":{{celsius.ToString("0.0", CultureInfo.InvariantCulture)}},"at":"{{At(at)}}"}""");

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

internal sealed record KitchenItem(string ItemId, string Name, string Category, string Appliance, DateOnly BestBefore, string State);
