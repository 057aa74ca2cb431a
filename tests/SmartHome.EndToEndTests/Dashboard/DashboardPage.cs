using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using SmartHome.EndToEndTests.Browser;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>The householder's dashboard as the DOM contract of issue 7 describes it, read and driven through the browser.</summary>
public sealed class DashboardPage(ChromeBrowser browser, Uri address)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IWebDriver Driver => browser.Driver;

    /// <summary>Loads the page with no token remembered from an earlier test, and drops what the console said before.</summary>
    public void OpenSignedOut()
    {
        browser.TakeConsoleErrors();
        Driver.Navigate().GoToUrl(address);
        Script("window.sessionStorage.clear(); window.localStorage.clear();");
        Driver.Navigate().Refresh();
        browser.WaitFor(d => d.FindElement(By.Id("token")).Displayed, "the sign-in form");
    }

    public void OpenSignedIn(string token)
    {
        OpenSignedOut();
        SignIn(token);
        WaitForDashboard();
    }

    public void SignIn(string token)
    {
        var input = Driver.FindElement(By.Id("token"));
        input.Clear();
        input.SendKeys(token);
        Driver.FindElement(By.CssSelector("#sign-in button[type=submit]")).Click();
    }

    public void WaitForDashboard() => browser.WaitFor(
        d => d.FindElement(By.Id("dashboard")).Displayed && !d.FindElement(By.Id("sign-in")).Displayed,
        "the dashboard to show and the sign-in form to hide");

    public void PressKeys(params string[] keys)
    {
        var actions = new Actions(Driver);
        foreach (var key in keys)
        {
            actions.SendKeys(key);
        }

        actions.Perform();
    }

    public bool FocusIsOn(string cssSelector) => (bool)Script("return document.activeElement?.matches(arguments[0]) ?? false;", cssSelector)!;

    /// <summary>Presses Tab until the focus is on <paramref name="cssSelector"/>, as a keyboard user would get there.</summary>
    public void TabTo(string cssSelector)
    {
        for (var presses = 0; presses < 300 && !FocusIsOn(cssSelector); presses++)
        {
            PressKeys(Keys.Tab);
        }

        Assert.True(FocusIsOn(cssSelector), $"Tab never reached {cssSelector}");
    }

    /// <summary>The inventory list as shown, top to bottom, read in one go so a re-render cannot tear it.</summary>
    public IReadOnlyList<InventoryRow> Inventory() => Read<InventoryRow>("""
        return JSON.stringify([...document.querySelectorAll('#inventory ol > li[data-item-id]')].map(li => ({
          itemId: li.dataset.itemId, state: li.dataset.state,
          name: li.querySelector('.name')?.textContent.trim() ?? null,
          stateText: li.querySelector('.state')?.textContent.trim() ?? null,
          bestBefore: li.querySelector('.best-before')?.textContent.trim() ?? null,
          why: li.querySelector('.why')?.textContent.trim() ?? null })));
        """);

    /// <summary>The notifications list as shown, top to bottom.</summary>
    public IReadOnlyList<NotificationRow> Notifications() => Read<NotificationRow>("""
        return JSON.stringify([...document.querySelectorAll('#notifications ol[aria-live="polite"] > li[data-notification-id]')].map(li => ({
          id: li.dataset.notificationId, severity: li.dataset.severity,
          title: li.querySelector('.title')?.textContent.trim() ?? null,
          body: li.querySelector('.body')?.textContent.trim() ?? null,
          time: li.querySelector('time[datetime]')?.getAttribute('datetime') ?? null })));
        """);

    public static string ConsentButton(string partnerId, string type) =>
        $"#consents [data-partner-id='{partnerId}'] button[data-type='{type}']";

    public static string RevokeAll(string partnerId) => $"#consents [data-partner-id='{partnerId}'] button.revoke-all";

    public void Click(string cssSelector) => browser.WaitFor(d => d.FindElement(By.CssSelector(cssSelector)), cssSelector).Click();

    /// <summary>Waits for every consent button of the partner to say the types in <paramref name="granted"/> are pressed and no other.</summary>
    public void WaitForPressed(string partnerId, params string[] granted) => browser.WaitFor(
        d =>
        {
            var buttons = d.FindElements(By.CssSelector($"#consents [data-partner-id='{partnerId}'] button[data-type]"));
            return buttons.Count > 0 && buttons.All(b => b.GetAttribute("aria-pressed") == (granted.Contains(b.GetAttribute("data-type")) ? "true" : "false"));
        },
        $"{partnerId}'s consent buttons to show [{string.Join(", ", granted)}] pressed");

    /// <summary>Marks this load of the page, so a test can tell whether something came without a reload.</summary>
    public void MarkPageLoad() => Script("window.e2eLoadMark = true;");

    public bool StillTheMarkedLoad() => (bool)Script("return window.e2eLoadMark === true;")!;

    public void AssertNoConsoleErrors(Func<string, bool>? expected = null)
    {
        var errors = browser.TakeConsoleErrors(expected);
        Assert.True(errors.Count == 0, $"the browser console logged errors:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    private List<T> Read<T>(string script) =>
        JsonSerializer.Deserialize<List<T>>((string)Script(script)!, Json)!;

    private object? Script(string script, params object[] args) => ((IJavaScriptExecutor)Driver).ExecuteScript(script, args);
}

public sealed record InventoryRow(string ItemId, string State, string? Name, string? StateText, string? BestBefore, string? Why);

public sealed record NotificationRow(string Id, string Severity, string? Title, string? Body, string? Time);
