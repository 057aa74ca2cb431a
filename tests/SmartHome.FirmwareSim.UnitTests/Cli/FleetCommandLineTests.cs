using SmartHome.FirmwareSim.Cli;
using SmartHome.FirmwareSim.Fleet;

namespace SmartHome.FirmwareSim.UnitTests.Cli;

public sealed class FleetCommandLineTests
{
    [Fact]
    public void Parse_FleetAlone_RunsTheDefaultFleetAgainstTheLocalLink()
    {
        var fleet = Assert.IsType<FleetCommand>(CommandLine.Parse(["fleet"]));

        Assert.Equal(FleetCommandLine.Defaults, fleet.Plan);
        Assert.Equal([new LinkAddress("127.0.0.1", 1884)], fleet.Plan.Links);
        Assert.Null(fleet.Duration);
    }

    [Fact]
    public void Parse_EveryFleetOption_EndsUpInThePlan()
    {
        var sut = CommandLine.Parse(["fleet", "--households", "5", "--appliances=3", "--rate", "250.5", "--links", "gw-a:1884, 10.0.0.2:1885",
            "--seed", "-4", "--messages", "300", "--duration", "2m"]);

        var fleet = Assert.IsType<FleetCommand>(sut);
        Assert.Equal(5, fleet.Plan.Households);
        Assert.Equal(3, fleet.Plan.AppliancesPerHousehold);
        Assert.Equal(15, fleet.Plan.Appliances);
        Assert.Equal(250.5, fleet.Plan.MessagesPerSecond);
        Assert.Equal([new LinkAddress("gw-a", 1884), new LinkAddress("10.0.0.2", 1885)], fleet.Plan.Links);
        Assert.Equal(-4, fleet.Plan.Seed);
        Assert.Equal(300, fleet.Plan.MessageLimit);
        Assert.Equal(TimeSpan.FromMinutes(2), fleet.Duration);
    }

    [Fact]
    public void Parse_FleetHelp_ShowsHelp() => Assert.IsType<HelpCommand>(CommandLine.Parse(["fleet", "--rate", "10", "--help"]));

    [Theory]
    [InlineData("--households", "0", "--households needs a number from 1 to 10000, was '0'")]
    [InlineData("--appliances", "many", "--appliances needs a number from 1 to 100, was 'many'")]
    [InlineData("--rate", "0", "--rate needs messages per second, more than 0 and at most 100000, was '0'")]
    [InlineData("--links", "gw-a:1884,gw-b", "--links needs a comma-separated list of host:port, was 'gw-a:1884,gw-b'")]
    [InlineData("--links", "gw-a:70000", "--links needs a comma-separated list of host:port, was 'gw-a:70000'")]
    [InlineData("--messages", "-1", "--messages needs a number of messages, at least 1, was '-1'")]
    [InlineData("--duration", "soon", "--duration needs a time such as 10m, was 'soon'")]
    public void Parse_BadFleetValue_SaysWhichOptionAndWhatItNeeds(string option, string value, string error)
    {
        var invalid = Assert.IsType<InvalidCommand>(CommandLine.Parse(["fleet", option, value]));

        Assert.Equal(error, invalid.Error);
    }

    [Fact]
    public void Parse_SingleFridgeOptionInFleet_IsUnknown()
    {
        var invalid = Assert.IsType<InvalidCommand>(CommandLine.Parse(["fleet", "--appliance", "x"]));

        Assert.Equal("unknown fleet option '--appliance'", invalid.Error);
    }

    [Fact]
    public void Parse_FleetOptionWithoutValue_SaysItNeedsOne()
    {
        var invalid = Assert.IsType<InvalidCommand>(CommandLine.Parse(["fleet", "--households"]));

        Assert.Equal("--households needs a value", invalid.Error);
    }

    [Fact]
    public void UsageText_ListsTheFleetCommandAndItsOptions()
    {
        Assert.Contains("SmartHome.FirmwareSim fleet [fleet options]", Usage.Text, StringComparison.Ordinal);
        Assert.All(["--households", "--appliances", "--rate", "--links", "--messages"], option => Assert.Contains(option, Usage.Text, StringComparison.Ordinal));
    }
}
