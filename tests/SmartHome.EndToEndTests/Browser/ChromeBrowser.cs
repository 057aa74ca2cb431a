using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SmartHome.EndToEndTests.Browser;

/// <summary>
/// One headless Chromium per test class: Debian's <c>chromium</c> driven by Debian's <c>chromedriver</c>, both named
/// by path so Selenium Manager is never asked to find (or download) either.
/// </summary>
public sealed class ChromeBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public ChromeBrowser()
    {
        foreach (var path in new[] { ChromiumPath, ChromeDriverPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path} is missing: run ./test.sh, which installs Debian's chromium and chromium-driver");
            }
        }

        // Should Selenium Manager ever be consulted after all, it must fail rather than fetch a browser or driver.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--disable-gpu", "--lang=en-GB");
        // Nothing leaves the machine: Chromium reaches no host but loopback (where the cloud is), so
        // neither its own background services nor a page that reached for a CDN can fetch anything; the latter shows
        // up as a console error.
        options.AddArguments(
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
            "--disable-component-update",
            "--disable-domain-reliability",
            "--disable-sync",
            "--no-pings",
            "--dns-prefetch-disable");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        Driver = new ChromeDriver(service, options, Patience);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Sets the browser's viewport (not the window around it) to exactly this size.</summary>
    public void UseViewport(int width, int height)
    {
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = width < 600,
        });
    }

    /// <summary>Waits until <paramref name="condition"/> returns something other than null or false.</summary>
    public T WaitFor<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(Driver, Patience) { Message = $"waiting for {what}" };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition) ?? throw new WebDriverTimeoutException($"waiting for {what}");
    }

    /// <summary>
    /// The console errors (CSP violations among them) logged since the last call, less those
    /// <paramref name="expected"/> accepts (a sign-in with a wrong token makes the browser log the 401 it got).
    /// </summary>
    public IReadOnlyList<string> TakeConsoleErrors(Func<string, bool>? expected = null) =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(entry => entry.Level >= LogLevel.Severe)
            .Select(entry => entry.Message)
            .Where(message => expected is null || !expected(message))];

    /// <summary>Saves the whole page, also what lies below the fold, as a PNG.</summary>
    public void SaveFullPageScreenshot(string path)
    {
        var metrics = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.getLayoutMetrics", [])!;
        var content = (Dictionary<string, object>)metrics["cssContentSize"];
        var shot = (Dictionary<string, object>)Driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new Dictionary<string, object?>
            {
                ["x"] = 0,
                ["y"] = 0,
                ["width"] = content["width"],
                ["height"] = content["height"],
                ["scale"] = 1,
            },
        })!;
        File.WriteAllBytes(path, Convert.FromBase64String((string)shot["data"]));
    }

    public void Dispose() => Driver.Quit();
}
