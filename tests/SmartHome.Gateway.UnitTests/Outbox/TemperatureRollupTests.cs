using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.Outbox;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Outbox;

public sealed class TemperatureRollupTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    [Fact]
    public void Apply_ReadingsOfOneSensorInOneInterval_BecomeOneValidRecordWithMinMeanMax()
    {
        var envelopes = new[]
        {
            Stored(1, Reading("fridge", 3.0, minutes: 1), Door(minutes: 2)),
            Stored(2, Reading("fridge", 5.0, minutes: 5), Reading("fridge", 4.0, minutes: 14)),
        };

        var (kept, evicted) = TemperatureRollup.Apply(envelopes, Interval);

        Assert.Equal(new EvictionCounts(3, 0, 0, 0), evicted);
        Assert.Equal([1L], kept.Select(stored => stored.Seq));
        var records = kept[0].Envelope.Records;
        Assert.Equal([RecordKind.Temperature, RecordKind.Door], records.Select(record => record.Kind));
        var rollup = records[0];
        Assert.Equal((3.0, 4.0, 5.0, 3, 900), (rollup.MinCelsius!.Value, rollup.Celsius!.Value, rollup.MaxCelsius!.Value, rollup.Samples!.Value, rollup.RollupSeconds!.Value));
        Assert.Equal(TestData.Start, rollup.At);
        Assert.Null(RecordValidator.Validate(rollup));
        Assert.Equal(Door(minutes: 2), records[1]);
    }

    [Fact]
    public void Apply_DifferentSensorsAndIntervals_RollUpSeparately()
    {
        var envelopes = new[]
        {
            Stored(
                1,
                Reading("fridge", 3.0, minutes: 1),
                Reading("freezer", -18.0, minutes: 2),
                Reading("fridge", 4.0, minutes: 3),
                Reading("freezer", -20.0, minutes: 4),
                Reading("fridge", 6.0, minutes: 16),
                Reading("fridge", 8.0, minutes: 17)),
        };

        var (kept, evicted) = TemperatureRollup.Apply(envelopes, Interval);

        Assert.Equal(6, evicted.TemperatureRolledUp);
        Assert.Equal(
            [("fridge", TestData.Start, 3.5, 2), ("freezer", TestData.Start, -19.0, 2), ("fridge", TestData.Start + Interval, 7.0, 2)],
            kept[0].Envelope.Records.Select(record => (record.Sensor!, record.At, record.Celsius!.Value, record.Samples!.Value)));
    }

    [Fact]
    public void Apply_LoneReadingsAndEarlierRollups_StayAsTheyAre()
    {
        var earlier = Reading("fridge", 4.0, minutes: 0) with { MinCelsius = 3.0, MaxCelsius = 5.0, Samples = 10, RollupSeconds = 900 };
        var envelopes = new[] { Stored(1, earlier, Reading("fridge", 3.0, minutes: 1), Reading("freezer", -18.0, minutes: 2)) };

        var (kept, evicted) = TemperatureRollup.Apply(envelopes, Interval);

        Assert.Equal(default, evicted);
        Assert.Equal(envelopes[0].Envelope.Records, kept[0].Envelope.Records);
    }

    internal static StoredEnvelope Stored(long seq, params TelemetryRecord[] records) => new(seq, TestData.Start, new()
    {
        Schema = TelemetryEnvelope.SchemaV1,
        MessageId = Guid.CreateVersion7(TestData.Start),
        HouseholdId = TestData.Identity.HouseholdId,
        GatewayId = TestData.Identity.GatewayId,
        BootId = TestData.Identity.BootId,
        Seq = seq,
        SentAt = TestData.Start,
        Records = records,
    });

    private static TelemetryRecord Reading(string sensor, double celsius, int minutes) =>
        TelemetryRecord.From("fridge-1", new TemperatureReading { Sensor = sensor, Celsius = celsius }, TestData.Start.AddMinutes(minutes));

    private static TelemetryRecord Door(int minutes) =>
        TelemetryRecord.From("fridge-1", new DoorEvent { Door = "main", State = DoorState.Open }, TestData.Start.AddMinutes(minutes));
}
