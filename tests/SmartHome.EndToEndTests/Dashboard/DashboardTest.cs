using SmartHome.AllInOne;
using SmartHome.EndToEndTests.Browser;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>A browser test class: its own Chromium, showing the dashboard of its system at a desktop size in every test.</summary>
public abstract class DashboardTest : IClassFixture<ChromeBrowser>
{
    protected DashboardTest(ChromeBrowser browser, AllInOneSystem system)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(system);
        Browser = browser;
        Browser.UseViewport(1280, 900);
        Page = new DashboardPage(browser, system.CloudAddress);
    }

    protected ChromeBrowser Browser { get; }

    protected DashboardPage Page { get; }
}
