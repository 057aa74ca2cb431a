using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.Devices.Hx711;
using SmartHome.Gateway.Devices.UnitTests.Support;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.Hx711;

public sealed class Hx711Tests
{
    private readonly FakeTimeProvider _time = new(TestData.Start);
    private readonly SimulatedHx711Driver _driver;

    public Hx711Tests() => _driver = new(_time);

    [Theory]
    [InlineData(0x123456, 1_193_046)]
    [InlineData(0x000001, 1)]
    [InlineData(0x7FFFFE, 8_388_606)]
    public void TryReadRaw_PositiveConversion_ReadsTheBitsMostSignificantFirst(int conversion, int expected)
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(conversion);
        using var sut = NewSut(Hx711Gain.ChannelA128);

        Assert.True(sut.TryReadRaw(out var raw, out var fault), fault);

        Assert.Equal(expected, raw);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-500_000)]
    [InlineData(-0x7FFFFF)]
    public void TryReadRaw_NegativeConversion_ExtendsTheSignOf24Bits(int conversion)
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(conversion);
        using var sut = NewSut(Hx711Gain.ChannelA128);

        Assert.True(sut.TryReadRaw(out var raw, out var fault), fault);

        Assert.Equal(conversion, raw);
    }

    [Theory]
    [InlineData(Hx711Gain.ChannelA128, 25)]
    [InlineData(Hx711Gain.ChannelB32, 26)]
    [InlineData(Hx711Gain.ChannelA64, 27)]
    public void TryReadRaw_Gain_PulsesTheClockForTheDataBitsAndTheGain(Hx711Gain gain, int pulses)
    {
        _driver.Conversions = () => 1000;
        using var sut = NewSut(gain);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(sut.TryReadRaw(out _, out _));
        }

        Assert.All(_driver.PulseCounts, count => Assert.Equal(pulses, count));
        Assert.All(_driver.ConversionGains.Skip(1), g => Assert.Equal(pulses, g));
    }

    [Fact]
    public void TryReadRaw_Gain64AfterPowerUp_DiscardsTheConversionMadeAtGain128()
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(111, 222, 333, 444);
        using var sut = NewSut(Hx711Gain.ChannelA64);

        Assert.True(sut.TryReadRaw(out var first, out _));
        sut.PowerDown();
        _time.Advance(SimulatedHx711Driver.PowerDownTime);
        Assert.True(_driver.PoweredDown);
        sut.PowerUp();
        Assert.True(sut.TryReadRaw(out var afterPowerUp, out _));

        Assert.Equal((222, 444), (first, afterPowerUp));
        Assert.Equal([25, 27, 25, 27], _driver.ConversionGains);
    }

    [Fact]
    public void TryReadRaw_DoutNeverLow_FailsNotReadyAfterTheTimeout()
    {
        using var sut = NewSut(Hx711Gain.ChannelA128);

        Assert.False(sut.TryReadRaw(out _, out var fault));

        Assert.Equal(Hx711Faults.NotReady, fault);
        Assert.Empty(_driver.PulseCounts);
        Assert.InRange(_time.GetUtcNow() - TestData.Start, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1));
    }

    [Theory]
    [InlineData(0x7FFFFF)]
    [InlineData(-0x800000)]
    public void TryReadRaw_EndOfRange_FailsSaturated(int conversion)
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(conversion);
        using var sut = NewSut(Hx711Gain.ChannelA128);

        Assert.False(sut.TryReadRaw(out _, out var fault));

        Assert.Equal(Hx711Faults.Saturated, fault);
    }

    [Fact]
    public void Dispose_PowersTheChipDownAndDisposesTheController()
    {
        var sut = NewSut(Hx711Gain.ChannelA128);

        sut.Dispose();
        _time.Advance(SimulatedHx711Driver.PowerDownTime);

        Assert.True(_driver.PoweredDown);
        Assert.True(_driver.Disposed);
    }

    private Devices.Hx711.Hx711 NewSut(Hx711Gain gain) => _driver.OpenAdc(gain);
}
