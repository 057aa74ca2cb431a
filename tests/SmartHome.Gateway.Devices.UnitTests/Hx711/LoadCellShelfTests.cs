using Microsoft.Extensions.Time.Testing;
using SmartHome.Gateway.Devices.Hx711;
using SmartHome.Gateway.Devices.UnitTests.Support;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.Devices.UnitTests.Hx711;

public sealed class LoadCellShelfTests
{
    private readonly SimulatedHx711Driver _driver = new(new FakeTimeProvider(TestData.Start));

    [Fact]
    public void TryTare_Samples_TakesTheirAverageAsOffset()
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(-8000, -8010, -7990, -8004);
        using var sut = NewSut(rawPerGram: 20, samples: 1, SampleFilter.Median);

        Assert.True(sut.TryTare(4, out var fault), fault);

        Assert.Equal(-8001, sut.Offset);
    }

    [Fact]
    public void TryReadGrams_AfterTare_SubtractsOffsetAndDividesByCalibrationFactor()
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(1000, 1000, 1000 + (250 * 21), 1000 + (250 * 21));
        using var sut = NewSut(rawPerGram: 21, samples: 2, SampleFilter.Average);
        Assert.True(sut.TryTare(2, out _));

        Assert.True(sut.TryReadGrams(out var grams, out var fault), fault);

        Assert.Equal(250, grams, precision: 9);
    }

    [Fact]
    public void TryReadGrams_NegativeCalibrationFactor_WeighsACellMountedUpsideDown()
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(-5000);
        using var sut = NewSut(rawPerGram: -10, samples: 1, SampleFilter.Median);

        Assert.True(sut.TryReadGrams(out var grams, out _));

        Assert.Equal(500, grams, precision: 9);
    }

    [Theory]
    [InlineData(SampleFilter.Median, 100)]
    [InlineData(SampleFilter.Average, 1080)]
    public void TryReadGrams_OneSpike_IsIgnoredByTheMedianButPullsTheAverage(SampleFilter filter, double expected)
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(1000, 990, 50_000, 1010, 1000);
        using var sut = NewSut(rawPerGram: 10, samples: 5, filter);

        Assert.True(sut.TryReadGrams(out var grams, out _));

        Assert.Equal(expected, grams, precision: 9);
    }

    [Fact]
    public void TryReadGrams_EvenSampleCount_TakesTheMeanOfTheTwoMiddleSamples()
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(400, 100, 300, 200);
        using var sut = NewSut(rawPerGram: 1, samples: 4, SampleFilter.Median);

        Assert.True(sut.TryReadGrams(out var grams, out _));

        Assert.Equal(250, grams, precision: 9);
    }

    [Fact]
    public void TryReadGrams_ChipStopsAnsweringMidWeighing_FailsNotReady()
    {
        _driver.Conversions = SimulatedHx711Driver.Sequence(1000, 1000);
        using var sut = NewSut(rawPerGram: 10, samples: 3, SampleFilter.Median);

        Assert.False(sut.TryReadGrams(out var grams, out var fault));

        Assert.Equal(Hx711Faults.NotReady, fault);
        Assert.True(double.IsNaN(grams));
    }

    private LoadCellShelf NewSut(double rawPerGram, int samples, SampleFilter filter) =>
        new(_driver.OpenAdc(), rawPerGram, samples, filter);
}
