using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>The core fed the firmware simulator's shipped scenarios (<see cref="SimulatedTelemetry"/>).</summary>
public sealed class SimulatedScenarioTests
{
    [Fact]
    public void NormalWeek_AFridgeCyclingAndOpenedAtMeals_IsNeverUnsafeOrOutOfRange()
    {
        var raised = SimulatedTelemetry.Play("normal-week").Events;

        Assert.DoesNotContain(raised, e => e.Type is NeedEventTypes.FoodUnsafe or NeedEventTypes.TemperatureExcursion or NeedEventTypes.DoorLeftOpen);
        Assert.Contains(raised, e => e.Type == NeedEventTypes.FoodExpiring);
    }

    [Fact]
    public void DoorLeftOpen_IsReportedAtItsLimitAndTheFridgeFromItsFirstWarmReading_ButNoFoodTurnsUnsafe()
    {
        var opened = SimulatedTelemetry.Monday.AddHours(20).AddMinutes(15);
        var envelopes = SimulatedTelemetry.Envelopes("door-left-open");

        var raised = new ScenarioRun().Play(envelopes).Events;

        var firstWarm = SimulatedTelemetry.Readings(envelopes, "fridge").First(r => r.At >= opened && r.Celsius > new SafeRanges().Fridge.MaxCelsius).At;
        Assert.Equal(opened + new CoreOptions().DoorLeftOpenAfter, Assert.Single(raised, e => e.Type == NeedEventTypes.DoorLeftOpen).Time);
        Assert.Equal(firstWarm, Assert.Single(raised, e => e.Type == NeedEventTypes.TemperatureExcursion).Time);
        Assert.DoesNotContain(raised, e => e.Type == NeedEventTypes.FoodUnsafe);
    }
}
