using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using SmartHome.Contracts.Events;
using SmartHome.EndToEndTests.Browser;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>Signing in to the dashboard, by mouse and by keyboard, against the demo household.</summary>
[Collection(BrowserSuite.Name)]
public sealed class DashboardSignInTests(AllInOneFixture fixture, ChromeBrowser browser)
    : DashboardTest(browser, fixture.System), IClassFixture<AllInOneFixture>
{
    private readonly AllInOneFixture _fixture = fixture;

    [Fact]
    public void SignIn_WrongToken_ShowsTheErrorAndNoDashboard()
    {
        Page.OpenSignedOut();

        Page.SignIn("hht_not-a-token-of-this-household");

        var error = Browser.WaitFor(d => d.FindElement(By.Id("sign-in-error")) is { Displayed: true } e ? e : null, "the sign-in error");
        Assert.Equal("alert", error.GetDomAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(error.Text));
        Assert.False(Browser.Driver.FindElement(By.Id("dashboard")).Displayed);
        // The browser logs the 401 the wrong token got; that is the answer the page shows, not a fault in it.
        Page.AssertNoConsoleErrors(message => message.Contains("status of 401", StringComparison.Ordinal));
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
        Page.OpenSignedOut();

        Page.SignIn(_fixture.System.HouseholdToken);

        Page.WaitForDashboard();
        Assert.True(Browser.Driver.FindElement(By.Id("sign-out")).Displayed);
        var fridge = Browser.WaitFor(
            d => d.FindElement(By.CssSelector("#compartments article[data-compartment='demo-fridge/fridge']")) is { } article
                && article.FindElement(By.CssSelector(".now")).Text.EndsWith(" °C", StringComparison.Ordinal) ? article : null,
            "the demo fridge's temperature now");
        Assert.Matches(@"^-?\d+(\.\d+)? °C$", fridge.FindElement(By.CssSelector(".now")).Text);
        var chart = fridge.FindElement(By.CssSelector("svg[role='img']"));
        Assert.False(string.IsNullOrWhiteSpace(chart.GetDomAttribute("aria-label")));
        Assert.NotEmpty(chart.FindElements(By.CssSelector("rect.safe-band")));
        Assert.False(string.IsNullOrWhiteSpace(chart.FindElement(By.CssSelector("path.reading")).GetDomAttribute("d")));
        Page.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Keyboard_SignInAndToggleAConsent_WorksWithTabEnterAndSpaceAlone()
    {
        using var admin = CloudApi.Client(_fixture.System, _fixture.System.AdminKey);
        var partnerId = (await CloudApi.PostAsync(admin, "api/v1/partners", new { name = "KeyboardRecipes", kind = "recipe" })).GetProperty("id").GetString()!;
        using var householder = CloudApi.Client(_fixture.System, _fixture.System.HouseholdToken);
        var button = DashboardPage.ConsentButton(partnerId, NeedEventTypes.FoodExpiring);
        Page.OpenSignedOut();

        Page.TabTo("#token");
        Page.PressKeys(_fixture.System.HouseholdToken, Keys.Enter);
        Page.WaitForDashboard();
        Browser.WaitFor(d => d.FindElement(By.CssSelector(button)), "the partner's consent buttons");
        Page.TabTo(button);
        Page.PressKeys(Keys.Space);

        Page.WaitForPressed(partnerId, NeedEventTypes.FoodExpiring);
        Assert.Equal([NeedEventTypes.FoodExpiring], await ConsentedTypesAsync(householder, partnerId));
        Assert.True(Page.FocusIsOn(button), "the focus left the button it pressed");

        Page.PressKeys(Keys.Enter);

        Page.WaitForPressed(partnerId);
        Assert.Empty(await ConsentedTypesAsync(householder, partnerId));
        Page.AssertNoConsoleErrors();
    }

    /// <summary>What the server holds: the types the household consents to for the partner (none without a consent).</summary>
    internal static async Task<string[]> ConsentedTypesAsync(HttpClient householder, string partnerId) =>
        [.. (await householder.GetFromJsonAsync<JsonElement>("api/v1/household/consents")).EnumerateArray()
            .Where(c => c.GetProperty("partnerId").GetString() == partnerId)
            .SelectMany(c => c.GetProperty("types").EnumerateArray().Select(t => t.GetString()!))];
}
