namespace SmartHome.EndToEndTests.Browser;

/// <summary>
/// The browser test classes, one after another and after the rest: each brings its own system and Chromium, and the
/// machine has two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserSuite
{
    public const string Name = "Browser";
}
