using System.Text;
using System.Text.Json;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Contracts.Validation;

namespace SmartHome.Contracts.UnitTests.Validation;

public sealed class TelemetryEnvelopeValidatorTests
{
    private const string Topic = "shg/v1/demo/demo-gw/telemetry";
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_ValidEnvelope_ReturnsIt()
    {
        var result = Read(Topic, Envelope());

        Assert.Null(result.Rejection);
        Assert.Equal(("demo", "demo-gw", 42L, 1), (result.Envelope!.HouseholdId, result.Envelope.GatewayId, result.Envelope.Seq, result.Envelope.Records.Count));
    }

    [Fact]
    public void Read_NoSchema_RejectsAsMalformed()
    {
        var json = Serialize(Envelope()).Replace("\"schema\":\"shg.telemetry.v1\",", string.Empty, StringComparison.Ordinal);

        AssertRejected(RejectionCodes.MalformedJson, TelemetryEnvelopeValidator.Read(Topic, Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("shg/v1/demo/demo-gw/status")]
    [InlineData("shg/v1/demo/telemetry")]
    [InlineData("shg/v2/demo/demo-gw/telemetry")]
    [InlineData("shg/v1/partners/p1/telemetry")]
    [InlineData("appliance/demo-fridge/temperature")]
    public void Read_NotATelemetryTopic_RejectsWithBadTopic(string topic) => AssertRejected(RejectionCodes.BadTopic, Read(topic, Envelope()));

    [Fact]
    public void Read_WrongSchema_RejectsWithWrongSchema() =>
        AssertRejected(RejectionCodes.WrongSchema, Read(Topic, Envelope() with { Schema = "shg.telemetry.v2" }));

    [Theory]
    [InlineData("other", "demo-gw")]
    [InlineData("demo", "other-gw")]
    public void Read_IdsDifferFromTheTopic_RejectsWithTopicMismatch(string householdId, string gatewayId) =>
        AssertRejected(RejectionCodes.TopicMismatch, Read(Topic, Envelope() with { HouseholdId = householdId, GatewayId = gatewayId }));

    [Fact]
    public void Read_NegativeSeq_RejectsWithInvalidField() => AssertRejected(RejectionCodes.InvalidField, Read(Topic, Envelope() with { Seq = -1 }));

    [Fact]
    public void Read_ZeroRecords_RejectsWithInvalidField() => AssertRejected(RejectionCodes.InvalidField, Read(Topic, Envelope() with { Records = [] }));

    [Fact]
    public void Read_MoreThanMaxRecords_RejectsWithInvalidField()
    {
        var records = Enumerable.Repeat(Temperature(3.9), TelemetryEnvelopeValidator.MaxRecords + 1).ToList();

        AssertRejected(RejectionCodes.InvalidField, Read(Topic, Envelope() with { Records = records }));
    }

    [Fact]
    public void Read_OneBadRecord_RejectsWithInvalidFieldNamingIt()
    {
        var result = Read(Topic, Envelope() with { Records = [Temperature(3.9), Temperature(500)] });

        AssertRejected(RejectionCodes.InvalidField, result);
        Assert.StartsWith("records[1]: ", result.Rejection!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RolledUpTemperature_AcceptsIt()
    {
        var rollup = Temperature(4.1) with { MinCelsius = 3.6, MaxCelsius = 5.2, Samples = 30, RollupSeconds = 900 };

        var result = Read(Topic, Envelope() with { Records = [rollup] });

        Assert.Null(result.Rejection);
        Assert.Equal(rollup, Assert.Single(result.Envelope!.Records));
    }

    [Theory]
    [InlineData(4.5, 5.2, 30, 900)]
    [InlineData(3.6, 4.0, 30, 900)]
    [InlineData(3.6, 5.2, 0, 900)]
    [InlineData(3.6, 5.2, 30, 0)]
    [InlineData(3.6, null, 30, 900)]
    public void Read_InconsistentRollup_RejectsWithInvalidField(double? min, double? max, int samples, int rollupSeconds) =>
        AssertRejected(
            RejectionCodes.InvalidField,
            Read(Topic, Envelope() with { Records = [Temperature(4.1) with { MinCelsius = min, MaxCelsius = max, Samples = samples, RollupSeconds = rollupSeconds }] }));

    [Fact]
    public void Read_MalformedJson_RejectsWithMalformedJson()
    {
        AssertRejected(RejectionCodes.MalformedJson, TelemetryEnvelopeValidator.Read(Topic, "{\"schema\":"u8));
        AssertRejected(RejectionCodes.MalformedJson, TelemetryEnvelopeValidator.Read(Topic, "null"u8));
    }

    [Fact]
    public void Read_OverOneMiB_RejectsWithTooLarge() =>
        AssertRejected(RejectionCodes.TooLarge, TelemetryEnvelopeValidator.Read(Topic, new byte[TelemetryEnvelopeValidator.MaxPayloadBytes + 1]));

    [Fact]
    public void Validate_IdsThatAreNotIdentifiers_RejectsWithInvalidField()
    {
        var envelope = Envelope() with { HouseholdId = "demo home" };

        Assert.Equal(RejectionCodes.InvalidField, TelemetryEnvelopeValidator.Validate(envelope, "demo home", "demo-gw")?.Code);
    }

    private static TelemetryEnvelope Envelope() => new()
    {
        Schema = TelemetryEnvelope.SchemaV1,
        MessageId = Guid.NewGuid(),
        HouseholdId = "demo",
        GatewayId = "demo-gw",
        BootId = Guid.NewGuid(),
        Seq = 42,
        SentAt = At,
        Records = [Temperature(3.9)],
    };

    private static TelemetryRecord Temperature(double celsius) =>
        new() { Appliance = "demo-fridge", Kind = RecordKind.Temperature, At = At, Sensor = "fridge", Celsius = celsius };

    private static string Serialize(TelemetryEnvelope envelope) => JsonSerializer.Serialize(envelope, ContractsJsonContext.Default.TelemetryEnvelope);

    private static EnvelopeReadResult Read(string topic, TelemetryEnvelope envelope) =>
        TelemetryEnvelopeValidator.Read(topic, Encoding.UTF8.GetBytes(Serialize(envelope)));

    private static void AssertRejected(string code, EnvelopeReadResult result)
    {
        Assert.Null(result.Envelope);
        Assert.Equal(code, result.Rejection?.Code);
    }
}
