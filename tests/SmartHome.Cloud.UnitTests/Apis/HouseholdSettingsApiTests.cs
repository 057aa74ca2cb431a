using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Apis;

public sealed class HouseholdSettingsApiTests : IAsyncLifetime
{
    private CloudTestHost sut = null!;

    public async Task InitializeAsync() => sut = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task GetSettings_NothingStored_ReturnsTheDefaults()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        var settings = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings");

        Assert.Equal((2, "UTC", "08:00", 5.0, 0), (
            settings.GetProperty("warningWindowDays").GetInt32(),
            settings.GetProperty("timeZone").GetString(),
            settings.GetProperty("expiringDigestAt").GetString(),
            settings.GetProperty("safeRanges").GetProperty("fridge").GetProperty("maxCelsius").GetDouble(),
            settings.GetProperty("minimumStock").GetArrayLength()));
    }

    [Fact]
    public async Task PutSettings_Valid_AreReadBackAndTheRulesRunAtOnce()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var put = await householder.PutAsJsonAsync("/api/v1/household/settings", new
        {
            warningWindowDays = 3,
            timeZone = "Europe/Berlin",
            expiringDigestAt = "07:30",
            minimumStock = new object[] { new { product = "Butter", quantity = 250, unit = "g" }, new { category = "dairy", quantity = 2 } },
        });
        var settings = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings");
        var twin = await householder.GetFromJsonAsync<JsonElement>("/api/v1/household");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((3, "Europe/Berlin", "07:30"), (
            settings.GetProperty("warningWindowDays").GetInt32(), settings.GetProperty("timeZone").GetString(), settings.GetProperty("expiringDigestAt").GetString()));
        var butter = settings.GetProperty("minimumStock")[0];
        Assert.Equal(("Butter", 250.0, "g"), (butter.GetProperty("product").GetString(), butter.GetProperty("quantity").GetDouble(), butter.GetProperty("unit").GetString()));
        // Nothing in stock: both minimums are short, and remembered as reported.
        Assert.Equal(["products/butter", "categories/dairy"], twin.GetProperty("stockLowReported").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task PutSettings_BadFields_Returns400ProblemNamingEach()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var response = await householder.PutAsJsonAsync("/api/v1/household/settings", new
        {
            warningWindowDays = 90,
            timeZone = "Mars/Olympus",
            expiringDigestAt = "8 o'clock",
            safeRanges = new { fridge = new { minCelsius = 6, maxCelsius = 2 } },
            minimumStock = new object[]
            {
                new { product = "milk", category = "dairy", quantity = 1, unit = "l" },
                new { product = "eggs", quantity = -1 },
                new { product = "flour", quantity = 1, unit = "cups" },
                new { product = "Eggs ", quantity = 6 },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["expiringDigestAt", "minimumStock[0]", "minimumStock[1].quantity", "minimumStock[2].unit", "minimumStock[3]", "safeRanges.fridge", "timeZone", "warningWindowDays"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await householder.GetFromJsonAsync<JsonElement>("/api/v1/household/settings")).GetProperty("warningWindowDays").GetInt32());
    }

    [Theory]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    [InlineData("Factory")]
    [InlineData("posix/Europe/Berlin")]
    [InlineData("right/Europe/Berlin")]
    public async Task PutSettings_TzFileThatIsNoZoneName_Returns400NamingTimeZone(string timeZone)
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));

        using var response = await householder.PutAsJsonAsync("/api/v1/household/settings", new { timeZone });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["timeZone"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task PutSettings_OneHousehold_LeavesTheOtherAlone()
    {
        using var first = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));
        using var second = sut.Client(await sut.CreateHouseholderTokenAsync("home-2"));

        using var put = await first.PutAsJsonAsync("/api/v1/household/settings", new { warningWindowDays = 5 });
        var other = await second.GetFromJsonAsync<JsonElement>("/api/v1/household/settings");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(2, other.GetProperty("warningWindowDays").GetInt32());
    }

    [Fact]
    public async Task PutSettings_AsPartner_Returns403()
    {
        using var partner = sut.Client((await sut.CreatePartnerAsync()).ApiKey);

        using var response = await partner.PutAsJsonAsync("/api/v1/household/settings", new { warningWindowDays = 5 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PutSettings_NotJsonOfTheRightShape_Returns400Problem()
    {
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-1"));
        using var content = new StringContent("""{"warningWindowDays":"soon"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await householder.PutAsync("/api/v1/household/settings", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
