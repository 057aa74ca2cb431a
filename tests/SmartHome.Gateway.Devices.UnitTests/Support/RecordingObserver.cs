using System.Collections.Concurrent;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.ApplianceLink;

namespace SmartHome.Gateway.Devices.UnitTests.Support;

/// <summary>Keeps every record it is told was accepted.</summary>
internal sealed class RecordingObserver : IAcceptedRecordObserver
{
    private readonly ConcurrentQueue<TelemetryRecord> _records = new();

    public IReadOnlyList<TelemetryRecord> Records => [.. _records];

    public void Accepted(TelemetryRecord record) => _records.Enqueue(record);
}
