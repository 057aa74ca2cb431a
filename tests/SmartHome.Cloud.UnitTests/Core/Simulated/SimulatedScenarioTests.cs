using System.Text;
using Microsoft.Extensions.Time.Testing;
using SmartHome.Cloud.Core;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Scenarios;

namespace SmartHome.Cloud.UnitTests.Core.Simulated;

/// <summary>
/// The core fed the firmware simulator's shipped scenarios, as a gateway would batch them (an envelope a minute), from
/// Monday 16 November 2026, 00:00 UTC, with each file's seed.
/// </summary>
public sealed class SimulatedScenarioTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NormalWeek_AFridgeCyclingAndOpenedAtMeals_IsNeverUnsafeOrOutOfRange()
    {
        var raised = Play("normal-week");

        Assert.DoesNotContain(raised, e => e.Type is NeedEventTypes.FoodUnsafe or NeedEventTypes.TemperatureExcursion or NeedEventTypes.DoorLeftOpen);
        Assert.Contains(raised, e => e.Type == NeedEventTypes.FoodExpiring);
    }

    [Fact]
    public void PowerOutage_PerishablesTurnUnsafeDuringTheCutAndTheFridgeIsReportedWarmWhenItIsBack()
    {
        var cut = Monday.AddHours(26);
        var back = cut.AddHours(8);

        var raised = Play("power-outage");

        var unsafeEvents = raised.Where(e => e.Type == NeedEventTypes.FoodUnsafe).ToList();
        Assert.NotEmpty(unsafeEvents);
        Assert.All(unsafeEvents, e => Assert.InRange(e.Time, cut.AddHours(2), back));
        Assert.Contains(raised, e => e.Type == NeedEventTypes.TemperatureExcursion && e.Time >= back);
    }

    [Fact]
    public void DoorLeftOpen_IsReportedAtItsLimitAndTheFridgeFromItsFirstWarmReading_ButNoFoodTurnsUnsafe()
    {
        var opened = Monday.AddHours(20).AddMinutes(15);

        var raised = Play("door-left-open", out var readings);

        var firstWarm = readings.First(r => r.Sensor == "fridge" && r.At >= opened && r.Celsius > new SafeRanges().Fridge.MaxCelsius).At;
        Assert.Equal(opened + new CoreOptions().DoorLeftOpenAfter, Assert.Single(raised, e => e.Type == NeedEventTypes.DoorLeftOpen).Time);
        Assert.Equal(firstWarm, Assert.Single(raised, e => e.Type == NeedEventTypes.TemperatureExcursion).Time);
        Assert.DoesNotContain(raised, e => e.Type == NeedEventTypes.FoodUnsafe);
    }

    private static List<NeedEvent> Play(string name) => Play(name, out _);

    private static List<NeedEvent> Play(string name, out List<TelemetryRecord> readings)
    {
        readings = [];
        var scenario = ScenarioLibrary.Shipped.Find(name);
        var time = new FakeTimeProvider(Monday);
        var core = TestTelemetry.Engine(time);
        var twin = TestTelemetry.NewTwin();
        var raised = new List<NeedEvent>();
        var batch = new List<TelemetryRecord>();
        foreach (var message in new ScenarioEngine(scenario, scenario.Seed, Monday).Play().Steps.OfType<MessageStep>().Select(s => s.Message))
        {
            if (batch.Count > 0 && message.At - batch[0].At >= TimeSpan.FromMinutes(1))
            {
                time.SetUtcNow(batch[^1].At + TimeSpan.FromSeconds(1));
                raised.AddRange(core.Apply(twin, TestTelemetry.Envelope([.. batch])));
                batch.Clear();
            }

            if (ApplianceMessageReader.Read(message.Topic, Encoding.UTF8.GetBytes(message.Payload), message.At).Record is { } record)
            {
                batch.Add(record with { Appliance = TestTelemetry.ApplianceId });
                if (record.Kind == RecordKind.Temperature)
                {
                    readings.Add(record);
                }
            }
        }

        return raised;
    }
}
