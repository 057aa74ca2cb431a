using SmartHome.FirmwareSim.Cli;

namespace SmartHome.FirmwareSim.UnitTests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_NoArguments_RunsWithDefaults()
    {
        var run = Assert.IsType<RunCommand>(CommandLine.Parse([]));

        Assert.Empty(run.Settings);
        Assert.Empty(run.HostArguments);
        Assert.Null(run.Duration);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_ShowsHelp(string arg) => Assert.IsType<HelpCommand>(CommandLine.Parse(["--port", "1999", arg]));

    [Fact]
    public void Parse_EveryOption_BecomesASettingOfTheFirmwareSimSection()
    {
        var sut = CommandLine.Parse(["--host", "gw.local", "--port=1999", "--appliance", "kitchen-fridge", "--seed", "42", "--interval", "2s", "--duration", "5m"]);

        var run = Assert.IsType<RunCommand>(sut);
        Assert.Equal("gw.local", run.Settings["SmartHome:FirmwareSim:Host"]);
        Assert.Equal("1999", run.Settings["SmartHome:FirmwareSim:Port"]);
        Assert.Equal("kitchen-fridge", run.Settings["SmartHome:FirmwareSim:ApplianceId"]);
        Assert.Equal("42", run.Settings["SmartHome:FirmwareSim:Seed"]);
        Assert.Equal("00:00:02", run.Settings["SmartHome:FirmwareSim:TemperatureInterval"]);
        Assert.Equal(TimeSpan.FromMinutes(5), run.Duration);
    }

    [Fact]
    public void Parse_ConfigurationArgument_PassesItToTheHost()
    {
        var run = Assert.IsType<RunCommand>(CommandLine.Parse(["--SmartHome:FirmwareSim:Firmware=2.0.0"]));

        Assert.Equal(["--SmartHome:FirmwareSim:Firmware=2.0.0"], run.HostArguments);
    }

    [Theory]
    [InlineData(new[] { "--port", "70000" }, "--port needs a port number from 1 to 65535, was '70000'")]
    [InlineData(new[] { "--seed", "abc" }, "--seed needs a whole number, was 'abc'")]
    [InlineData(new[] { "--interval", "soon" }, "--interval needs a time such as 5s, was 'soon'")]
    [InlineData(new[] { "--duration", "-1m" }, "--duration needs a time such as 10m, was '-1m'")]
    [InlineData(new[] { "--host" }, "--host needs a value")]
    [InlineData(new[] { "--colour", "blue" }, "unknown option '--colour'")]
    [InlineData(new[] { "fridge" }, "unknown option 'fridge'")]
    public void Parse_BadArguments_SaysWhatIsWrong(string[] args, string error)
    {
        var invalid = Assert.IsType<InvalidCommand>(CommandLine.Parse(args));

        Assert.Equal(error, invalid.Error);
    }
}
