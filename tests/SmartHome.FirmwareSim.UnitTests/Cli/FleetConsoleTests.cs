using SmartHome.FirmwareSim.Cli;
using SmartHome.FirmwareSim.Fleet;
using SmartHome.Testing;

namespace SmartHome.FirmwareSim.UnitTests.Cli;

public sealed class FleetConsoleTests
{
    [Fact]
    public async Task RunAsync_MessageLimitReached_PrintsThePlanThenTheSummaryPerLinkAndExitsZero()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var link = new LinkAddress("127.0.0.1", broker.Port);
        var plan = FleetCommandLine.Defaults with { Households = 2, AppliancesPerHousehold = 2, MessagesPerSecond = 1000, Links = [link], MessageLimit = 100 };
        using var output = new StringWriter();

        var exitCode = await FleetConsole.RunAsync(new FleetCommand(plan, TimeSpan.FromMinutes(1)), TimeProvider.System, output);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Fleet: 2 household(s) × 2 appliance(s) at 1000 msg/s over {link}", lines[0]);
        Assert.StartsWith("Fleet sent 108 messages in ", lines[^2], StringComparison.Ordinal);
        Assert.Matches($@"^  {link}: 108 \(inventory \d+, status 8, temperature \d+\)$", lines[^1]);
    }

    [Fact]
    public void FleetSummary_TwoLinks_TotalsByKindThenOneLinePerLinkInOrder()
    {
        var report = new FleetReport(new Dictionary<LinkAddress, IReadOnlyDictionary<string, long>>
        {
            [new LinkAddress("gw-b", 1884)] = new Dictionary<string, long> { ["temperature"] = 6, ["status"] = 2 },
            [new LinkAddress("gw-a", 1884)] = new Dictionary<string, long> { ["temperature"] = 4, ["door"] = 1, ["status"] = 2 },
        });

        var sut = ProgressText.FleetSummary(TimeSpan.FromSeconds(3), report);

        Assert.Equal(
            string.Join(Environment.NewLine,
                "Fleet sent 15 messages in 00:00:03 (door 1, status 4, temperature 10), 5.0 msg/s; by link:",
                "  gw-a:1884: 7 (door 1, status 2, temperature 4)",
                "  gw-b:1884: 8 (status 2, temperature 6)"),
            sut);
    }
}
