using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.ApplianceLink;

namespace SmartHome.Cloud.UnitTests.Apis;

public sealed class HouseholdViewsApiTests : IAsyncLifetime
{
    private const string HouseholdId = "home-v";

    /// <summary>Tuesday 24 November 2026, 23:30 UTC: already Wednesday 25 November in Berlin.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly BerlinToday = new(2026, 11, 25);

    private readonly FakeTimeProvider time = new(Now);
    private CloudTestHost sut = null!;
    private HttpClient householder = null!;

    public async Task InitializeAsync()
    {
        sut = await CloudTestHost.StartAsync(time: time);
        householder = sut.Client(await sut.CreateHouseholderTokenAsync(HouseholdId));
    }

    public async Task DisposeAsync()
    {
        householder.Dispose();
        await sut.DisposeAsync();
    }

    [Fact]
    public async Task GetInventory_OneItemPerStateInBerlin_ListsThemEatFirstWithStateAndWhy()
    {
        await ChangeTwinAsync(twin =>
        {
            twin.Settings.TimeZone = "Europe/Berlin";
            twin.Inventory.AddRange([
                Item("cheese-1", "Cheese", BerlinToday.AddDays(6)),
                Item("milk-1", "Milk", BerlinToday.AddDays(2)),
                // Best-before today in UTC, yesterday in Berlin.
                Item("ham-1", "Ham", BerlinToday.AddDays(-1)),
                Item("chicken-1", "Chicken", BerlinToday.AddDays(3), unsafeReason: "above 5 °C for 2 h 10 min"),
                Item("yoghurt-1", "Yoghurt", BerlinToday, label: BerlinToday.AddDays(1), why: "kept warm: about 25 hours of life used up by 24 h above 4 °C on Tue 24 Nov, up to 10 °C"),
            ]);
        });

        var inventory = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/inventory");

        Assert.Equal((Now, "Europe/Berlin", 2), (
            inventory.GetProperty("asOf").GetDateTimeOffset(), inventory.GetProperty("timeZone").GetString(), inventory.GetProperty("warningWindowDays").GetInt32()));
        var items = inventory.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [("chicken-1", "unsafe"), ("ham-1", "expired"), ("yoghurt-1", "expiring"), ("milk-1", "expiring"), ("cheese-1", "fresh")],
            items.Select(i => (i.GetProperty("itemId").GetString(), i.GetProperty("state").GetString())));
        Assert.Equal("above 5 °C for 2 h 10 min", items[0].GetProperty("why").GetString());
        var yoghurt = items[2];
        Assert.Equal(
            ["applianceId", "bestBefore", "category", "daysLeft", "estimated", "estimatedBestBefore", "itemId", "location", "name", "quantity", "state", "unit", "why"],
            yoghurt.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ("Yoghurt", "dairy", 1.0, "l", "fridge", "fridge-1", "2026-11-26", "2026-11-25", true, 0),
            (yoghurt.GetProperty("name").GetString(), yoghurt.GetProperty("category").GetString(), yoghurt.GetProperty("quantity").GetDouble(),
             yoghurt.GetProperty("unit").GetString(), yoghurt.GetProperty("location").GetString(), yoghurt.GetProperty("applianceId").GetString(),
             yoghurt.GetProperty("bestBefore").GetString(), yoghurt.GetProperty("estimatedBestBefore").GetString(),
             yoghurt.GetProperty("estimated").GetBoolean(), yoghurt.GetProperty("daysLeft").GetInt32()));
        Assert.StartsWith("kept warm", yoghurt.GetProperty("why").GetString(), StringComparison.Ordinal);
        var ham = items[1];
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, -1), (ham.GetProperty("bestBefore").ValueKind, ham.GetProperty("why").ValueKind, ham.GetProperty("daysLeft").GetInt32()));
    }

    [Fact]
    public async Task GetInventory_NoTwinYet_ListsNothing()
    {
        var inventory = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/inventory");

        Assert.Equal((0, "UTC"), (inventory.GetProperty("items").GetArrayLength(), inventory.GetProperty("timeZone").GetString()));
    }

    [Fact]
    public async Task GetTemperatures_DefaultWindow_ShowsTheLast24HoursOfSlotsWithTheHouseholdsSafeBand()
    {
        await ChangeTwinAsync(twin =>
        {
            twin.Settings.SafeRanges.Fridge = new SafeRange { MinCelsius = 0, MaxCelsius = 4 };
            var fridge = new Compartment
            {
                Sensor = "fridge",
                Kind = StorageLocation.Fridge,
                Celsius = 9.5,
                At = Now.AddMinutes(-1),
                Excursion = new ExcursionEpisode { Direction = ExcursionDirection.TooWarm, Since = Now.AddMinutes(-20), PeakCelsius = 9.5 },
                History = [Slot(Now.AddHours(-30), 3.5, 4.0), Slot(Now.AddHours(-23), 3.8, 4.2), Slot(Now.AddMinutes(-5), 8.9, 9.5)],
            };
            var freezer = new Compartment { Sensor = "freezer", Kind = StorageLocation.Freezer };
            twin.Appliances.Add(new Appliance { ApplianceId = "fridge-1", GatewayId = "gw-1", Compartments = [fridge, freezer] });
        });

        var temperatures = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/temperatures");
        var week = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/temperatures?hours=168");

        Assert.Equal((Now.AddHours(-24), Now), (temperatures.GetProperty("from").GetDateTimeOffset(), temperatures.GetProperty("to").GetDateTimeOffset()));
        var compartments = temperatures.GetProperty("compartments").EnumerateArray().ToList();
        Assert.Equal(["fridge-1/fridge", "fridge-1/freezer"], compartments.Select(c => $"{c.GetProperty("applianceId").GetString()}/{c.GetProperty("sensor").GetString()}"));
        var fridgeView = compartments[0];
        Assert.Equal(
            ("fridge", 9.5, Now.AddMinutes(-1), 0.0, 4.0, true),
            (fridgeView.GetProperty("kind").GetString(), fridgeView.GetProperty("celsius").GetDouble(), fridgeView.GetProperty("at").GetDateTimeOffset(),
             fridgeView.GetProperty("safeMinCelsius").GetDouble(), fridgeView.GetProperty("safeMaxCelsius").GetDouble(), fridgeView.GetProperty("excursion").GetBoolean()));
        Assert.Equal(
            [(Now.AddHours(-23), 3.8, 4.2), (Now.AddMinutes(-5), 8.9, 9.5)],
            fridgeView.GetProperty("slots").EnumerateArray().Select(s => (s.GetProperty("at").GetDateTimeOffset(), s.GetProperty("minCelsius").GetDouble(), s.GetProperty("maxCelsius").GetDouble())));
        var freezerView = compartments[1];
        Assert.Equal(
            ("freezer", JsonValueKind.Null, JsonValueKind.Null, -40.0, -15.0, false, 0),
            (freezerView.GetProperty("kind").GetString(), freezerView.GetProperty("celsius").ValueKind, freezerView.GetProperty("at").ValueKind,
             freezerView.GetProperty("safeMinCelsius").GetDouble(), freezerView.GetProperty("safeMaxCelsius").GetDouble(),
             freezerView.GetProperty("excursion").GetBoolean(), freezerView.GetProperty("slots").GetArrayLength()));
        Assert.Equal(3, week.GetProperty("compartments")[0].GetProperty("slots").GetArrayLength());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("169")]
    public async Task GetTemperatures_HoursOutOfRange_Returns400ProblemNamingHours(string hours)
    {
        using var response = await householder.GetAsync($"/api/v1/household/temperatures?hours={hours}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["hours"], errors.EnumerateObject().Select(p => p.Name));
    }

    private Task<HouseholdChangeResult> ChangeTwinAsync(Action<HouseholdTwin> change) =>
        sut.Service<HouseholdStore>().ChangeAsync(HouseholdId, null, twin =>
        {
            change(twin);
            return [];
        }, CancellationToken.None);

    private static InventoryItem Item(string itemId, string name, DateOnly estimated, DateOnly? label = null, string? why = null, string? unsafeReason = null) => new()
    {
        ItemId = itemId,
        ApplianceId = "fridge-1",
        Name = name,
        Category = "dairy",
        Unit = "l",
        AddedAt = Now.AddDays(-2),
        BestBefore = label,
        EstimatedBestBefore = estimated,
        Estimated = why is not null,
        EstimateReason = why,
        UnsafeReason = unsafeReason,
    };

    private static TemperatureSlot Slot(DateTimeOffset at, double min, double max) => new() { At = at, MinCelsius = min, MaxCelsius = max };
}
