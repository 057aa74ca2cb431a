using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Clock;
using SmartHome.Gateway.UnitTests.Support;

namespace SmartHome.Gateway.UnitTests.Clock;

public sealed class EnvelopeRestampTests
{
    private static readonly TimeSpan Correction = TestData.Start - SteppedClock.Epoch;
    private static readonly DateTimeOffset FirmwareTime = TestData.Start.AddMinutes(-3);

    [Fact]
    public void Apply_UnsyncedEnvelopeOfThisBoot_ShiftsSentAtAndTheGatewaysStampsOnlyAndMarksItRestamped()
    {
        var envelope = Unsynced();

        var sut = EnvelopeRestamp.Apply(envelope, TestData.Identity.BootId, Correction);

        Assert.True(sut.ClockSynced);
        Assert.True(sut.Restamped);
        Assert.Equal(TestData.Start.AddSeconds(30), sut.SentAt);
        Assert.Equal(TestData.Start.AddSeconds(29), sut.Records[0].At);
        Assert.Null(sut.Records[0].ClockSynced);
        Assert.Equal(FirmwareTime, sut.Records[1].At);
        Assert.Equal((envelope.Seq, envelope.MessageId), (sut.Seq, sut.MessageId));
    }

    [Fact]
    public void Apply_EnvelopeSealedAfterSyncWithAnEarlierUnsyncedStamp_KeepsItsSentAt()
    {
        var sealedSynced = Unsynced() with { ClockSynced = true, SentAt = TestData.Start };

        var sut = EnvelopeRestamp.Apply(sealedSynced, TestData.Identity.BootId, Correction);

        Assert.Equal(TestData.Start, sut.SentAt);
        Assert.Equal(TestData.Start.AddSeconds(29), sut.Records[0].At);
        Assert.True(sut.Restamped);
    }

    [Fact]
    public void Apply_EnvelopeOfAnEarlierBoot_StaysUnsyncedAsItWas()
    {
        var envelope = Unsynced();

        var sut = EnvelopeRestamp.Apply(envelope, Guid.NewGuid(), Correction);

        Assert.Same(envelope, sut);
        Assert.False(sut.ClockSynced);
        Assert.Null(sut.Restamped);
    }

    private static TelemetryEnvelope Unsynced() => new()
    {
        Schema = TelemetryEnvelope.SchemaV1,
        MessageId = Guid.NewGuid(),
        HouseholdId = TestData.Identity.HouseholdId,
        GatewayId = TestData.Identity.GatewayId,
        BootId = TestData.Identity.BootId,
        Seq = 3,
        SentAt = SteppedClock.Epoch.AddSeconds(30),
        ClockSynced = false,
        Records =
        [
            TelemetryRecord.From("fridge-1", new DoorEvent { Door = "main", State = DoorState.Open }, SteppedClock.Epoch.AddSeconds(29)) with { ClockSynced = false },
            TelemetryRecord.From("fridge-1", new TemperatureReading { Sensor = "fridge", Celsius = 4 }, FirmwareTime),
        ],
    };
}
