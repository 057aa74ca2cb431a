using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Contracts.Validation;

/// <summary>Turns one appliance-link MQTT message (contract §2) into a telemetry record, or says why it cannot.</summary>
public static class ApplianceMessageReader
{
    public const int MaxPayloadBytes = 16 * 1024;

    /// <summary>
    /// What a DS18B20 probe's temperature register holds before its first conversion, so what many fridges report after
    /// a brown-out. A fridge reading exactly this is kept but marked <see cref="RecordQuality.Suspect"/>.
    /// </summary>
    public const double ProbePowerOnCelsius = 85.0;

    /// <summary>Reads the message; <paramref name="receivedAt"/> is stamped on it when it carries no <c>at</c>.</summary>
    public static ApplianceReadResult Read(string topic, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
    {
        if (!Topics.TryParseAppliance(topic, out var appliance, out var channel) || !Identifiers.IsValid(appliance))
        {
            return Reject(RejectionCodes.BadTopic, $"'{Truncate(topic)}' is not appliance/{{applianceId}}/{{temperature|door|inventory|status}}");
        }

        if (channel is not (ApplianceChannels.Temperature or ApplianceChannels.Door or ApplianceChannels.Inventory or ApplianceChannels.Status))
        {
            return Reject(RejectionCodes.BadTopic, $"unknown channel '{Truncate(channel)}' (expected temperature, door, inventory or status)");
        }

        if (payload.Length > MaxPayloadBytes)
        {
            return Reject(RejectionCodes.TooLarge, $"payload of {payload.Length} bytes exceeds {MaxPayloadBytes}");
        }

        TelemetryRecord record;
        var stampedOnArrival = false;
        try
        {
            var ctx = ContractsJsonContext.Default;
            record = channel switch
            {
                ApplianceChannels.Temperature => Map(JsonSerializer.Deserialize(payload, ctx.TemperatureReading), m => TelemetryRecord.From(appliance, m, AtOrArrival(m.At)) with { Quality = QualityOf(m) }),
                ApplianceChannels.Door => Map(JsonSerializer.Deserialize(payload, ctx.DoorEvent), m => TelemetryRecord.From(appliance, m, AtOrArrival(m.At))),
                ApplianceChannels.Inventory => Map(JsonSerializer.Deserialize(payload, ctx.InventoryChange), m => TelemetryRecord.From(appliance, m, AtOrArrival(m.At))),
                _ => Map(JsonSerializer.Deserialize(payload, ctx.ApplianceStatus), m => TelemetryRecord.From(appliance, m, AtOrArrival(null))),
            };
        }
        catch (JsonException ex)
        {
            return Reject(RejectionCodes.MalformedJson, ex.Message);
        }

        return RecordValidator.Validate(record) is { } rejection ? new(null, rejection) : new(record, null) { StampedOnArrival = stampedOnArrival };

        DateTimeOffset AtOrArrival(DateTimeOffset? at)
        {
            stampedOnArrival = at is null;
            return at ?? receivedAt;
        }
    }

    private static RecordQuality QualityOf(TemperatureReading reading) =>
        reading.Celsius == ProbePowerOnCelsius ? RecordQuality.Suspect : RecordQuality.Good;

    private static TelemetryRecord Map<T>(T? message, Func<T, TelemetryRecord> map)
        where T : class => message is null ? throw new JsonException("payload is JSON null") : map(message);

    private static ApplianceReadResult Reject(string code, string detail) => new(null, new Rejection(code, detail));

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}

/// <summary>Either a <see cref="Record"/> or the <see cref="Rejection"/> that explains why there is none.</summary>
public readonly record struct ApplianceReadResult(TelemetryRecord? Record, Rejection? Rejection)
{
    /// <summary>Whether the record's <c>at</c> is the arrival time, the message carrying none.</summary>
    public bool StampedOnArrival { get; init; }
}
