using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;

namespace SmartHome.Cloud.UnitTests.Apis;

public sealed class HouseholdPartnersApiTests : IAsyncLifetime
{
    private CloudTestHost sut = null!;

    public async Task InitializeAsync() => sut = await CloudTestHost.StartAsync();

    public async Task DisposeAsync() => await sut.DisposeAsync();

    [Fact]
    public async Task ListPartners_OneConsentedTo_ListsEveryPartnerWithTheTypesConsentedAndNoKeys()
    {
        var grocer = await sut.CreatePartnerAsync("FreshMart", "grocery");
        var cook = await sut.CreatePartnerAsync("Cookbook", "recipe");
        using var householder = sut.Client(await sut.CreateHouseholderTokenAsync("home-p"));
        using var other = sut.Client(await sut.CreateHouseholderTokenAsync("home-q"));
        using var consent = await householder.PutAsJsonAsync($"/api/v1/household/consents/{cook.Id}", new { types = new[] { "shg.food.*", "shg.stock.low.v1" } });
        consent.EnsureSuccessStatusCode();

        var json = await householder.GetStringAsync("/api/v1/household/partners");
        var partners = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var seenByOther = await other.GetFromJsonAsync<JsonElement>("/api/v1/household/partners");

        Assert.Equal(
            [(cook.Id, "Cookbook", "recipe", "shg.food.*,shg.stock.low.v1"), (grocer.Id, "FreshMart", "grocery", "")],
            partners.Select(p => (p.GetProperty("id").GetString(), p.GetProperty("name").GetString(), p.GetProperty("kind").GetString(),
                string.Join(',', p.GetProperty("consentTypes").EnumerateArray().Select(t => t.GetString())))));
        Assert.All(partners, p => Assert.Equal(["consentTypes", "id", "kind", "name"], p.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal)));
        Assert.DoesNotContain(cook.ApiKey, json, StringComparison.Ordinal);
        Assert.DoesNotContain(grocer.ApiKey, json, StringComparison.Ordinal);
        Assert.All(seenByOther.EnumerateArray(), p => Assert.Equal(0, p.GetProperty("consentTypes").GetArrayLength()));
        Assert.Equal(2, seenByOther.GetArrayLength());
    }
}
