using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>The whole system with <see cref="KitchenScenario"/> played into it and taken in by the cloud.</summary>
public sealed class KitchenFixture : IAsyncLifetime
{
    public AllInOneFixture AllInOne { get; } = new();

    /// <summary>The household's date when the scenario was played.</summary>
    public DateOnly Today { get; private set; }

    public async Task InitializeAsync()
    {
        await AllInOne.InitializeAsync();
        using var householder = CloudApi.Client(AllInOne.System, AllInOne.System.HouseholdToken);
        var settings = await householder.GetFromJsonAsync<JsonElement>("api/v1/household/settings");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.GetProperty("timeZone").GetString()!);
        var now = DateTimeOffset.UtcNow;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        await KitchenScenario.PlayAsync(AllInOne.ApplianceLinkPort, Today, now);
        var ids = KitchenScenario.Items(Today).Select(i => i.ItemId).ToHashSet();
        await Eventually.TrueAsync(async () =>
        {
            var inventory = (await householder.GetFromJsonAsync<JsonElement>("api/v1/household")).GetProperty("inventory").EnumerateArray().ToList();
            return ids.IsSubsetOf(inventory.Select(i => i.GetProperty("itemId").GetString()!))
                && inventory.Any(i => i.GetProperty("itemId").GetString() == "e2e-warm-milk" && i.TryGetProperty("unsafeReason", out _));
        }, TimeSpan.FromSeconds(60), "the cloud to take in the kitchen scenario and find the warm milk unsafe");
    }

    public Task DisposeAsync() => AllInOne.DisposeAsync();
}
