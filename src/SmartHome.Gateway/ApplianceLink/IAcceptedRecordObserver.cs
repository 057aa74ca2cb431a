using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>Told of every appliance-link record once it is durable in the outbox (Home Assistant shows them locally).</summary>
internal interface IAcceptedRecordObserver
{
    void Accepted(TelemetryRecord record);
}
