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
    [InlineData("7d", 7 * 86400)]
    [InlineData("36h", 36 * 3600)]
    [InlineData("1d6h", 30 * 3600)]
    [InlineData("2h30m", 9000)]
    [InlineData("1m30s", 90)]
    [InlineData("1d2h3m4s", 93784)]
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
    [InlineData("6h1d")]
    [InlineData("1d1d")]
    [InlineData("d")]
    [InlineData("200d")]
    public void TryParse_NotAPositiveTime_Fails(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Theory]
    [InlineData("0s")]
    [InlineData("0")]
    [InlineData("00:00:00")]
    public void TryParse_ZeroWhereAllowed_ReadsZero(string text)
    {
        Assert.True(DurationParser.TryParse(text, allowZero: true, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Fact]
    public void TryParse_NegativeWhereZeroIsAllowed_Fails() => Assert.False(DurationParser.TryParse("-1s", allowZero: true, out _));
}
