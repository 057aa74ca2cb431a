using SmartHome.Gateway.Systemd;

namespace SmartHome.Gateway.UnitTests.Systemd;

public sealed class WatchdogSettingsTests
{
    [Theory]
    [InlineData("30000000", null)]
    [InlineData("30000000", "")]
    [InlineData("30000000", "4242")]
    public void Read_TimeoutForThisProcess_PingsEveryHalfOfIt(string timeout, string? owner)
    {
        var sut = WatchdogSettings.Read(timeout, owner, processId: 4242);

        Assert.Equal(TimeSpan.FromSeconds(15), sut?.PingInterval);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("soon", null)]
    [InlineData("99999999999999999999", null)]
    [InlineData("30000000", "17")]
    [InlineData("30000000", "self")]
    public void Read_NoValidTimeoutOrAnotherProcess_IsOff(string? timeout, string? owner)
    {
        Assert.Null(WatchdogSettings.Read(timeout, owner, processId: 4242));
    }
}
