using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core.Events;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using static SmartHome.Cloud.UnitTests.Core.TestTelemetry;

namespace SmartHome.Cloud.UnitTests.Core.Rules;

public class TemperatureExcursionRuleTests
{
    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Apply_WarmForTenMinutes_RaisesOnceFromWhenItStarted()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [3.5, 7.9, 8.1, 8.2, 8.0, 8.4, 8.3, 8.2, 8.1, 8.0, 8.2, 8.3, 8.5, 8.1]);

        var excursion = Assert.Single(raised);
        Assert.Equal((NeedEventTypes.TemperatureExcursion, Start.AddMinutes(1), "appliances/fridge-1/fridge"), (excursion.Type, excursion.Time, excursion.Subject));
        var data = excursion.Data.Deserialize(ContractsJsonContext.Default.TemperatureExcursionData)!;
        Assert.Equal((ApplianceId, "fridge", 8.3, -1.0, 5.0, Start.AddMinutes(1)), (data.Appliance, data.Compartment, data.Celsius, data.SafeMinCelsius, data.SafeMaxCelsius, data.Since));
    }

    [Fact]
    public void Apply_ShortSpikeThenBackToNormal_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [3.5, 9.0, 9.5, 6.0, 3.8, 3.6, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5]);

        Assert.Empty(raised);
        Assert.Null(twin.Appliances[0].Compartments[0].Excursion);
    }

    [Fact]
    public void Apply_SensorFlappingAroundTheLimitForAnHour_RaisesOnce()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [.. Enumerable.Range(0, 60).Select(minute => minute % 2 == 0 ? 5.3 : 4.6)]);

        Assert.Single(raised);
    }

    [Fact]
    public void Apply_BackInsideThenWarmAgain_RaisesASecondEpisode()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [.. Enumerable.Repeat(8.0, 12), 3.5, .. Enumerable.Repeat(8.0, 12)]);

        Assert.Equal([Start, Start.AddMinutes(13)], raised.Select(e => e.Time));
        Assert.Equal(2, raised.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Evaluate_SparseReadingsStillWarm_RaisesWhenTheClockPassesTheDelay()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        sut.Apply(twin, Envelope(Temperature(Start, 8.5)));

        Assert.Empty(sut.Evaluate(twin, Start.AddMinutes(9)));
        var excursion = Assert.Single(sut.Evaluate(twin, Start.AddMinutes(10)));
        Assert.Empty(sut.Evaluate(twin, Start.AddMinutes(11)));
        Assert.Equal(Start, excursion.Time);
    }

    [Fact]
    public void Apply_FreezerAtMinus18_RaisesNothing()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [.. Enumerable.Repeat(-18.0, 15)], sensor: "freezer");

        Assert.Empty(raised);
    }

    [Fact]
    public void Apply_FreezerWarmerThanMinus15_RaisesWithFreezerRange()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [.. Enumerable.Repeat(-10.0, 15)], sensor: "freezer");

        var data = Assert.Single(raised).Data.Deserialize(ContractsJsonContext.Default.TemperatureExcursionData)!;
        Assert.Equal(("freezer", -15.0), (data.Compartment, data.SafeMaxCelsius));
    }

    [Fact]
    public void Apply_FridgeFreezingFood_RaisesTooCold()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [.. Enumerable.Repeat(-3.0, 15)]);

        Assert.Single(raised);
        Assert.Equal(SmartHome.Cloud.Core.Twin.ExcursionDirection.TooCold, twin.Appliances[0].Compartments[0].Excursion!.Direction);
    }

    [Fact]
    public void Apply_SuspectReadings_DoNotStartAnEpisode()
    {
        var sut = Engine(_time);
        var twin = NewTwin();

        var raised = ApplyEachMinute(sut, twin, [.. Enumerable.Repeat(12.0, 15)], quality: RecordQuality.Suspect);

        Assert.Empty(raised);
    }

    [Fact]
    public void Apply_HouseholdWithItsOwnSafeRange_UsesIt()
    {
        var sut = Engine(_time);
        var twin = NewTwin();
        twin.Settings.SafeRanges.Fridge = new() { MinCelsius = 0, MaxCelsius = 8 };

        Assert.Empty(ApplyEachMinute(sut, twin, [.. Enumerable.Repeat(7.5, 15)]));
    }

    private List<NeedEvent> ApplyEachMinute(
        SmartHome.Cloud.Core.HouseholdEngine sut,
        SmartHome.Cloud.Core.Twin.HouseholdTwin twin,
        double[] readings,
        string sensor = "fridge",
        RecordQuality quality = RecordQuality.Good)
    {
        var raised = new List<NeedEvent>();
        for (var minute = 0; minute < readings.Length; minute++)
        {
            _time.SetUtcNow(Start.AddMinutes(minute));
            raised.AddRange(sut.Apply(twin, Envelope(Temperature(Start.AddMinutes(minute), readings[minute], sensor, quality))));
        }

        return raised;
    }
}
