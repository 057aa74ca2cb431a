using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.Storage;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.UnitTests.Apis;

public sealed class NotificationSettingsApiTests : IAsyncLifetime
{
    private CloudTestHost sut = null!;

    public async Task InitializeAsync() => sut = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task GetSettings_NothingStored_ShowsTheEffectiveNotificationDefaults()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        var notifications = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings")).GetProperty("notifications");

        Assert.Equal(
            ("22:00", "07:00"),
            (notifications.GetProperty("quietHours").GetProperty("from").GetString(), notifications.GetProperty("quietHours").GetProperty("to").GetString()));
        Assert.True(notifications.GetProperty("urgentDuringQuietHours").GetBoolean());
        Assert.Equal("06:00:00", notifications.GetProperty("repeatWindow").GetString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                [NeedEventTypes.FoodExpiring] = "digest",
                [NeedEventTypes.FoodExpired] = "now",
                [NeedEventTypes.FoodUnsafe] = "now",
                [NeedEventTypes.TemperatureExcursion] = "now",
                [NeedEventTypes.DoorLeftOpen] = "now",
                [NeedEventTypes.ApplianceOffline] = "now",
            },
            notifications.GetProperty("types").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    [Fact]
    public async Task PutSettings_Notifications_AreReadBack_TypesLeftOutTakeTheirDefaults()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var put = await householder.PutAsJsonAsync("/api/v1/household/settings", new
        {
            timeZone = "Europe/Berlin",
            notifications = new
            {
                quietHours = new { from = "22:30", to = "06:45" },
                urgentDuringQuietHours = false,
                types = new Dictionary<string, string> { [NeedEventTypes.ApplianceOffline] = "digest", [NeedEventTypes.DoorLeftOpen] = "off" },
                repeatWindow = "1.00:00:00",
            },
        });
        var notifications = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings")).GetProperty("notifications");
        using var putWithout = await householder.PutAsJsonAsync("/api/v1/household/settings", new { timeZone = "Europe/Berlin" });
        var defaults = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings")).GetProperty("notifications");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(
            ("22:30", "06:45", false, "1.00:00:00", "digest", "off", "now"),
            (notifications.GetProperty("quietHours").GetProperty("from").GetString(), notifications.GetProperty("quietHours").GetProperty("to").GetString(),
             notifications.GetProperty("urgentDuringQuietHours").GetBoolean(), notifications.GetProperty("repeatWindow").GetString(),
             notifications.GetProperty("types").GetProperty(NeedEventTypes.ApplianceOffline).GetString(),
             notifications.GetProperty("types").GetProperty(NeedEventTypes.DoorLeftOpen).GetString(),
             notifications.GetProperty("types").GetProperty(NeedEventTypes.FoodUnsafe).GetString()));
        Assert.Equal(HttpStatusCode.OK, putWithout.StatusCode);
        Assert.Equal("22:00", defaults.GetProperty("quietHours").GetProperty("from").GetString());
        Assert.Equal("now", defaults.GetProperty("types").GetProperty(NeedEventTypes.DoorLeftOpen).GetString());
    }

    [Fact]
    public async Task PutSettings_QuietHoursNull_HasNone_WhichIsReadBackAndKept()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var put = await householder.PutAsJsonAsync("/api/v1/household/settings", new { notifications = new { quietHours = (object?)null } });
        var notifications = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings")).GetProperty("notifications");
        var twin = await sut.Service<HouseholdStore>().FindTwinAsync("home-1", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(JsonValueKind.Null, notifications.GetProperty("quietHours").ValueKind);
        Assert.Null(twin!.Settings.Notifications.QuietHours);
    }

    [Theory]
    [InlineData("\"22:00-07:00\"")]
    [InlineData("[]")]
    [InlineData("{\"from\":22}")]
    public async Task PutSettings_QuietHoursNotAnObjectOfTimes_Returns400NamingIt(string quietHours)
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var content = new StringContent($$$"""{"notifications":{"quietHours":{{{quietHours}}}}}""", System.Text.Encoding.UTF8, "application/json");
        using var put = await householder.PutAsync("/api/v1/household/settings", content);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var errors = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("notifications.quietHours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutSettings_BadNotificationFields_Returns400ProblemNamingEach()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var badTimes = await householder.PutAsJsonAsync("/api/v1/household/settings", new
        {
            notifications = new
            {
                quietHours = new { from = "10 pm", to = (string?)null },
                types = new Dictionary<string, string?>
                {
                    [NeedEventTypes.StockLow] = "now",
                    ["shg.food.rotten.v1"] = "now",
                    [NeedEventTypes.FoodExpired] = "loud",
                    [NeedEventTypes.FoodUnsafe] = null,
                },
                repeatWindow = "8.00:00:00",
            },
        });
        using var sameTimes = await householder.PutAsJsonAsync("/api/v1/household/settings", new
        {
            notifications = new { quietHours = new { from = "22:00", to = "22:00" }, repeatWindow = "-00:10:00" },
        });
        using var notASpan = await householder.PutAsJsonAsync("/api/v1/household/settings", new { notifications = new { repeatWindow = "PT6H" } });

        Assert.Equal(
            [
                "notifications.quietHours.from", "notifications.quietHours.to", "notifications.repeatWindow",
                $"notifications.types.{NeedEventTypes.FoodExpired}", "notifications.types.shg.food.rotten.v1",
                $"notifications.types.{NeedEventTypes.FoodUnsafe}", $"notifications.types.{NeedEventTypes.StockLow}",
            ],
            await ErrorFieldsAsync(badTimes));
        Assert.Equal(["notifications.quietHours", "notifications.repeatWindow"], await ErrorFieldsAsync(sameTimes));
        Assert.Equal(["notifications.repeatWindow"], await ErrorFieldsAsync(notASpan));
        var stored = (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings")).GetProperty("notifications");
        Assert.Equal("06:00:00", stored.GetProperty("repeatWindow").GetString());
    }

    private static async Task<IEnumerable<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        return errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
    }
}
