namespace SmartHome.Contracts.Telemetry;

/// <summary><c>shg/v1/{householdId}/{gatewayId}/telemetry</c>: a batch of records from one gateway.</summary>
public sealed record TelemetryEnvelope
{
    public const string SchemaV1 = "shg.telemetry.v1";

    public string Schema { get; init; } = SchemaV1;
    public required Guid MessageId { get; init; }
    public required string HouseholdId { get; init; }
    public required string GatewayId { get; init; }
    public required Guid BootId { get; init; }

    /// <summary>Per gateway, strictly increasing across restarts.</summary>
    public required long Seq { get; init; }

    public required DateTimeOffset SentAt { get; init; }
    public bool ClockSynced { get; init; } = true;
    public required IReadOnlyList<TelemetryRecord> Records { get; init; }
}
