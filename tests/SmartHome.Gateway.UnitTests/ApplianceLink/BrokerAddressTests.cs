using SmartHome.Gateway.ApplianceLink;

namespace SmartHome.Gateway.UnitTests.ApplianceLink;

public sealed class BrokerAddressTests
{
    [Theory]
    [InlineData("localhost:1883", "localhost", 1883)]
    [InlineData("192.168.1.10:1884", "192.168.1.10", 1884)]
    [InlineData("[::1]:1883", "::1", 1883)]
    public void TryParse_HostAndPort_Parses(string value, string host, int port)
    {
        Assert.True(BrokerAddress.TryParse(value, out var sut));
        Assert.Equal(host, sut.Host);
        Assert.Equal(port, sut.Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData(":1883")]
    [InlineData("localhost:0")]
    [InlineData("localhost:65536")]
    [InlineData("localhost:-1")]
    [InlineData("localhost:mqtt")]
    public void TryParse_Malformed_Fails(string? value) => Assert.False(BrokerAddress.TryParse(value, out _));
}
