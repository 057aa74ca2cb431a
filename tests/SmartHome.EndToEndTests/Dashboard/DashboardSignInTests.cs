using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using SmartHome.EndToEndTests.Browser;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>Signing in to the dashboard, by mouse and by keyboard, against the demo household.</summary>
[Collection(BrowserSuite.Name)]
public sealed class DashboardSignInTests : IClassFixture<AllInOneFixture>, IClassFixture<ChromeBrowser>
{
    private const string ExpiringType = "shg.food.expiring.v1";

    private readonly AllInOneFixture _fixture;
    private readonly ChromeBrowser _browser;
    private readonly DashboardPage _page;

    public DashboardSignInTests(AllInOneFixture fixture, ChromeBrowser browser)
    {
        _fixture = fixture;
        _browser = browser;
        _browser.UseViewport(1280, 900);
        _page = new DashboardPage(browser, fixture.System.CloudAddress);
    }

    [Fact]
    public void SignIn_WrongToken_ShowsTheErrorAndNoDashboard()
    {
        _page.OpenSignedOut();

        _page.SignIn("hht_not-a-token-of-this-household");

        var error = _browser.WaitFor(d => d.FindElement(By.Id("sign-in-error")) is { Displayed: true } e ? e : null, "the sign-in error");
        Assert.Equal("alert", error.GetDomAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(error.Text));
        Assert.False(_browser.Driver.FindElement(By.Id("dashboard")).Displayed);
        // The browser logs the 401 the wrong token got; that is the answer the page shows, not a fault in it.
        _page.AssertNoConsoleErrors(message => message.Contains("status of 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_HouseholderToken_ShowsTheDemoFridgesTemperatureNowAndItsChart()
    {
        // The page reads the temperatures as it opens (and every minute after): wait for the demo fridge's first.
        using var householder = CloudApi.Client(_fixture.System, _fixture.System.HouseholdToken);
        await Eventually.TrueAsync(async () =>
            (await householder.GetFromJsonAsync<JsonElement>("api/v1/household/temperatures")).GetProperty("compartments").EnumerateArray()
                .Any(c => c.GetProperty("applianceId").GetString() == "demo-fridge" && c.GetProperty("sensor").GetString() == "fridge"
                    && c.GetProperty("celsius").ValueKind == JsonValueKind.Number),
            TimeSpan.FromSeconds(60), "the demo fridge's first reading");
        _page.OpenSignedOut();

        _page.SignIn(_fixture.System.HouseholdToken);

        _page.WaitForDashboard();
        Assert.True(_browser.Driver.FindElement(By.Id("sign-out")).Displayed);
        var fridge = _browser.WaitFor(
            d => d.FindElement(By.CssSelector("#compartments article[data-compartment='demo-fridge/fridge']")) is { } article
                && article.FindElement(By.CssSelector(".now")).Text.EndsWith(" °C", StringComparison.Ordinal) ? article : null,
            "the demo fridge's temperature now");
        Assert.Matches(@"^-?\d+(\.\d+)? °C$", fridge.FindElement(By.CssSelector(".now")).Text);
        var chart = fridge.FindElement(By.CssSelector("svg[role='img']"));
        Assert.False(string.IsNullOrWhiteSpace(chart.GetDomAttribute("aria-label")));
        Assert.NotEmpty(chart.FindElements(By.CssSelector("rect.safe-band")));
        Assert.False(string.IsNullOrWhiteSpace(chart.FindElement(By.CssSelector("path.reading")).GetDomAttribute("d")));
        _page.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Keyboard_SignInAndToggleAConsent_WorksWithTabEnterAndSpaceAlone()
    {
        using var admin = CloudApi.Client(_fixture.System, _fixture.System.AdminKey);
        var partnerId = (await CloudApi.PostAsync(admin, "api/v1/partners", new { name = "KeyboardRecipes", kind = "recipe" })).GetProperty("id").GetString()!;
        using var householder = CloudApi.Client(_fixture.System, _fixture.System.HouseholdToken);
        var button = DashboardPage.ConsentButton(partnerId, ExpiringType);
        _page.OpenSignedOut();

        _page.TabTo("#token");
        _page.PressKeys(_fixture.System.HouseholdToken, Keys.Enter);
        _page.WaitForDashboard();
        _browser.WaitFor(d => d.FindElement(By.CssSelector(button)), "the partner's consent buttons");
        _page.TabTo(button);
        _page.PressKeys(Keys.Space);

        _page.WaitForPressed(partnerId, ExpiringType);
        Assert.Equal([ExpiringType], await ConsentedTypesAsync(householder, partnerId));
        Assert.True(_page.FocusIsOn(button), "the focus left the button it pressed");

        _page.PressKeys(Keys.Enter);

        _page.WaitForPressed(partnerId);
        Assert.Empty(await ConsentedTypesAsync(householder, partnerId));
        _page.AssertNoConsoleErrors();
    }

    /// <summary>What the server holds: the types the household consents to for the partner (none without a consent).</summary>
    internal static async Task<string[]> ConsentedTypesAsync(HttpClient householder, string partnerId) =>
        [.. (await householder.GetFromJsonAsync<JsonElement>("api/v1/household/consents")).EnumerateArray()
            .Where(c => c.GetProperty("partnerId").GetString() == partnerId)
            .SelectMany(c => c.GetProperty("types").EnumerateArray().Select(t => t.GetString()!))];
}
