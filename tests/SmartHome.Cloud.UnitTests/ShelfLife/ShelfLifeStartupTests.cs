using Microsoft.Extensions.DependencyInjection;
using SmartHome.Cloud.Core.ShelfLife;
using SmartHome.Cloud.Core.ShelfLife.FoodKeeper;
using SmartHome.Cloud.UnitTests.Core.ShelfLife;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Hosting;

namespace SmartHome.Cloud.UnitTests.ShelfLife;

public class ShelfLifeStartupTests
{
    private const string Key = "SmartHome:Cloud:ShelfLife:FoodKeeperPath";

    [Fact]
    public async Task StartAsync_FoodKeeperPathNotSet_UsesTheBuiltInTable()
    {
        await using var sut = await CloudTestHost.StartAsync();

        Assert.IsType<BuiltInShelfLifeCatalog>(sut.Service<IShelfLifeCatalog>());
    }

    [Fact]
    public async Task StartAsync_FoodKeeperPathSet_ImportsTheFileAndLogsOneLineWithTheCounts()
    {
        await using var sut = await CloudTestHost.StartAsync(s => s[Key] = RepositoryFiles.FoodKeeper, services: s => s.AddFakeLogging());

        var catalog = sut.Service<IShelfLifeCatalog>();

        Assert.IsType<FoodKeeperShelfLifeCatalog>(catalog);
        Assert.Equal("Guacamole", catalog.Find("Guacamole", null)?.Name);
        var line = Assert.Single(sut.App.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 2600).Message;
        Assert.Contains("647 FoodKeeper products", line, StringComparison.Ordinal);
        Assert.Contains("(661 rows)", line, StringComparison.Ordinal);
        Assert.Contains("66 NotRecommended", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FoodKeeperPathNamesNoFile_RefusesNamingTheKey()
    {
        var failure = await StartFailureAsync(Path.Combine(Path.GetTempPath(), $"no-such-foodkeeper-{Guid.NewGuid():N}.json"));

        Assert.Equal($"Configuration error: {Key} names no file (a relative path is taken from the content root)", StartupErrors.Describe(failure));
    }

    [Theory]
    [InlineData("{\"sheets\": ", "is not valid JSON")]
    [InlineData("{\"sheets\": []}", "has no \"Product\" sheet")]
    public async Task StartAsync_FoodKeeperFileMalformed_RefusesNamingTheKeyAndTheFile(string content, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"foodkeeper-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, content);
        try
        {
            var line = StartupErrors.Describe(await StartFailureAsync(path));

            Assert.StartsWith($"Configuration error: {Key}: {path} ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<Exception> StartFailureAsync(string foodKeeperPath)
    {
        var settings = CloudTestHost.DefaultSettings(CloudTestHost.NewDatabasePath());
        settings[Key] = foodKeeperPath;
        await using var host = CloudTestHost.CreateBuilder(settings).Build();

        var failure = await Record.ExceptionAsync(() => host.StartAsync());

        Assert.NotNull(failure);
        Assert.True(StartupErrors.IsConfigurationError(failure));
        return failure;
    }
}
