namespace SmartHome.Contracts.Telemetry;

/// <summary><c>shg/v1/{householdId}/{gatewayId}/telemetry</c>: a batch of records from one gateway.</summary>
public sealed record TelemetryEnvelope
{
    public const string SchemaV1 = "shg.telemetry.v1";

    /// <summary>The envelope's version; always <see cref="SchemaV1"/> here, and an envelope without one is refused.</summary>
    public required string Schema { get; init; }
    public required Guid MessageId { get; init; }
    public required string HouseholdId { get; init; }
    public required string GatewayId { get; init; }
    public required Guid BootId { get; init; }

    /// <summary>Per gateway, strictly increasing across restarts.</summary>
    public required long Seq { get; init; }

    public required DateTimeOffset SentAt { get; init; }
    // Settable, not init-only: source-generated deserialization would otherwise reset a missing value to false.
    public bool ClockSynced { get; set; } = true;

    /// <summary>
    /// True when the gateway stamped times in this envelope before its clock was synchronised and corrected them from
    /// its monotonic clock before sending (<see cref="ClockSynced"/> is then true); absent otherwise.
    /// </summary>
    public bool? Restamped { get; init; }
    public required IReadOnlyList<TelemetryRecord> Records { get; init; }
}
