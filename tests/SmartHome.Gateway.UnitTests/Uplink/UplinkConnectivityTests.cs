using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.UnitTests.Support;
using SmartHome.Gateway.Uplink;

namespace SmartHome.Gateway.UnitTests.Uplink;

public sealed class UplinkConnectivityTests
{
    private readonly FakeTimeProvider _time = new(TestData.Start);

    [Fact]
    public void Current_New_IsDisconnectedWithoutReconnects()
    {
        var sut = new UplinkConnectivity(_time, TestData.NewMetrics());

        Assert.Equal(new UplinkSnapshot(UplinkState.Disconnected, TestData.Start, null, 0, 0, null), sut.Current);
    }

    [Fact]
    public void Connected_AfterConnecting_RecordsSince()
    {
        var sut = new UplinkConnectivity(_time, TestData.NewMetrics());

        sut.Connecting();
        Assert.Equal(UplinkState.Connecting, sut.Current.State);
        _time.Advance(TimeSpan.FromSeconds(2));
        sut.Connected();

        Assert.Equal(UplinkState.Connected, sut.Current.State);
        Assert.Equal(TestData.Start.AddSeconds(2), sut.Current.ConnectedSince);
        Assert.Equal(0, sut.Current.Reconnects);
    }

    [Fact]
    public void Connected_SecondTime_CountsAReconnect()
    {
        var metrics = TestData.NewMetrics();
        var sut = new UplinkConnectivity(_time, metrics);
        sut.Connecting();
        sut.Connected();
        sut.Disconnected("broker went away");

        sut.Connecting();
        sut.Connected();

        Assert.Equal(1, sut.Current.Reconnects);
        Assert.Equal(1, metrics.Snapshot().Reconnects);
        Assert.Null(sut.Current.LastError);
    }

    [Fact]
    public void Disconnected_FromConnecting_KeepsTheReasonAndClearsConnectedSince()
    {
        var sut = new UplinkConnectivity(_time, TestData.NewMetrics());
        sut.Connecting();

        sut.Disconnected("connection refused");

        Assert.Equal(UplinkState.Disconnected, sut.Current.State);
        Assert.Equal("connection refused", sut.Current.LastError);
        Assert.Null(sut.Current.ConnectedSince);
    }

    [Fact]
    public void Disconnected_CountsFailedAttemptsButNotLostConnections()
    {
        var sut = new UplinkConnectivity(_time, TestData.NewMetrics());
        sut.Connecting();
        sut.Disconnected("certificate not trusted");
        sut.Connecting();
        sut.Disconnected("certificate not trusted");

        sut.Connecting();
        sut.Connected();
        sut.Disconnected("broker went away");

        Assert.Equal(2, sut.Current.FailedAttempts);
    }

    [Fact]
    public void Connected_WithoutConnecting_Throws()
    {
        var sut = new UplinkConnectivity(_time, TestData.NewMetrics());

        Assert.Throws<InvalidOperationException>(sut.Connected);
    }

    [Fact]
    public void Disconnected_WhenAlreadyDisconnected_Throws()
    {
        var sut = new UplinkConnectivity(_time, TestData.NewMetrics());

        Assert.Throws<InvalidOperationException>(() => sut.Disconnected("again"));
    }
}
