using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using SmartHome.EndToEndTests.Browser;
using SmartHome.Testing;
using Xunit.Abstractions;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>The dashboard's inventory and notifications in a real browser, after <see cref="KitchenScenario"/>.</summary>
[Collection(BrowserSuite.Name)]
public sealed class DashboardFoodTests(KitchenFixture kitchen, ChromeBrowser browser, ITestOutputHelper output)
    : DashboardTest(browser, kitchen.AllInOne.System), IClassFixture<KitchenFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly KitchenFixture _kitchen = kitchen;

    [Fact]
    public void Inventory_AfterTheKitchenScenario_ListsTheItemsEatFirstWithTheirStatesAndWhyTheUnsafeOneIs()
    {
        var expected = KitchenScenario.EatFirst(KitchenScenario.Items(_kitchen.Today)).ToList();

        Page.OpenSignedIn(_kitchen.AllInOne.System.HouseholdToken);
        var shown = ScenarioRows(expected.Count);

        Assert.Equal(expected.Select(i => (i.ItemId, i.State)), shown.Select(r => (r.ItemId, r.State)));
        Assert.All(shown, r => Assert.False(string.IsNullOrEmpty(r.Name) || string.IsNullOrEmpty(r.StateText) || r.BestBefore is null, $"{r.ItemId} lacks its name, state in words or best-before"));
        Assert.Equal(expected.Select(i => i.Name), shown.Select(r => r.Name));
        // The state is in words too, not in colour alone: one wording per state, different for each.
        var wordings = shown.GroupBy(r => r.State).ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => r.StateText).Distinct()));
        Assert.Equal(wordings.Count, wordings.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Without readings in the cold fridge the label dates stand, and the page shows them ("25 Nov" or ISO).
        Assert.All(expected.Zip(shown).Where(pair => pair.First.Appliance == KitchenScenario.ColdFridge),
            pair => Assert.Matches($@"\b({pair.First.BestBefore:d MMM}|{pair.First.BestBefore:yyyy-MM-dd})", pair.Second.BestBefore));
        var unsafeMilk = Assert.Single(shown, r => r.State == "unsafe");
        Assert.Contains("°C", unsafeMilk.Why ?? "", StringComparison.Ordinal);
        Page.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Notifications_AnExcursionWhileTheDashboardIsOpen_AppearsAtTheTopWithoutAReload()
    {
        const string LiveFridge = "e2e-live-fridge";
        Page.OpenSignedIn(_kitchen.AllInOne.System.HouseholdToken);
        // The scenario's notifications are listed first, so the new one has older ones to be above.
        Browser.WaitFor(_ => Page.Notifications().Count > 0, "the notifications already stored");
        Page.MarkPageLoad();
        var before = Page.Notifications().Select(n => n.Id).ToHashSet();

        // Fifteen minutes above the fridge's safe range: the second reading proves the excursion at once.
        var now = DateTimeOffset.UtcNow;
        await using (var link = await MqttTestClient.ConnectAsync(_kitchen.AllInOne.ApplianceLinkPort))
        {
            await KitchenScenario.PublishReadingAsync(link, LiveFridge, 11.0, now.AddMinutes(-15));
            await KitchenScenario.PublishReadingAsync(link, LiveFridge, 12.0, now);
        }

        using var householder = CloudApi.Client(_kitchen.AllInOne.System, _kitchen.AllInOne.System.HouseholdToken);
        var stored = await Eventually.GetAsync(async () =>
            (await householder.GetFromJsonAsync<JsonElement>("api/v1/household/notifications")).EnumerateArray()
                .Where(n => n.TryGetProperty("subject", out var subject) && subject.GetString() == $"appliances/{LiveFridge}/fridge")
                .Select(n => n.GetProperty("id").GetString())
                .FirstOrDefault(),
            Patience, "the excursion's notification to be stored");
        var live = Browser.WaitFor(_ => Page.Notifications().FirstOrDefault(n => n.Id == stored), "the excursion's notification on the page");
        var shown = Page.Notifications().Select(n => n.Id).ToList();

        Assert.True(Page.StillTheMarkedLoad(), "the page was reloaded");
        Assert.DoesNotContain(shown.TakeWhile(id => id != stored), before.Contains);
        Assert.Equal("urgent", live.Severity);
        Assert.Contains("running warm", live.Title ?? "", StringComparison.Ordinal);
        Assert.Contains(LiveFridge, live.Body ?? "", StringComparison.Ordinal);
        Assert.NotNull(live.Time);
        Page.AssertNoConsoleErrors();
    }

    [Fact]
    public void Screenshots_PhoneAndDesktop_ShowTheSignedInDashboardWithoutSidewaysScrolling()
    {
        Directory.CreateDirectory(Screenshots.Folder);
        Page.OpenSignedIn(_kitchen.AllInOne.System.HouseholdToken);
        ScenarioRows(KitchenScenario.Items(_kitchen.Today).Count);
        Browser.WaitFor(_ => Page.Notifications().Count > 0, "the unsafe milk's notification");

        foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("desktop", 1440, 900) })
        {
            Browser.UseViewport(width, height);
            var pageWidth = (long)((IJavaScriptExecutor)Browser.Driver).ExecuteScript("return document.documentElement.scrollWidth;")!;
            Assert.True(pageWidth <= width, $"at {width} px the page is {pageWidth} px wide: it scrolls sideways");
            var viewport = Path.Combine(Screenshots.Folder, $"dashboard-{name}-{width}x{height}.png");
            Browser.Driver.GetScreenshot().SaveAsFile(viewport);
            Browser.SaveFullPageScreenshot(Path.Combine(Screenshots.Folder, $"dashboard-{name}-full.png"));
            Assert.True(new FileInfo(viewport).Length > 0);
        }

        output.WriteLine($"Screenshots of the dashboard: {Screenshots.Folder}");
        Page.AssertNoConsoleErrors();
    }

    /// <summary>The scenario's rows as the page lists them, once all of them are there.</summary>
    private List<InventoryRow> ScenarioRows(int count)
    {
        var ids = KitchenScenario.Items(_kitchen.Today).Select(i => i.ItemId).ToHashSet();
        return Browser.WaitFor(_ => Page.Inventory().Where(r => ids.Contains(r.ItemId)).ToList() is { } rows && rows.Count == count ? rows : null, "the scenario's items in the inventory");
    }
}
