using SmartHome.FirmwareSim.Cli;

namespace SmartHome.FirmwareSim.UnitTests.Cli;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("30", 30)]
    [InlineData("1.5m", 90)]
    [InlineData("2h", 7200)]
    [InlineData("00:01:30", 90)]
    public void TryParse_WrittenTime_ReadsIt(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("five minutes")]
    [InlineData("00:00:00")]
    public void TryParse_NotAPositiveTime_Fails(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
