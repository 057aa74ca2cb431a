using SmartHome.Testing;

namespace SmartHome.EndToEndTests.Dashboard;

/// <summary>Where the test run leaves its pictures of the dashboard for a person to look at (never committed).</summary>
internal static class Screenshots
{
    /// <summary><c>SHG_SCREENSHOTS_DIR</c> (test.sh sets it), else <c>TestResults/screenshots</c> at the repository's root.</summary>
    public static string Folder { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("SHG_SCREENSHOTS_DIR") is { Length: > 0 } folder
            ? folder
            : Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots"));
}
