using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>
/// Told of every record, from the appliance link or a sensor wired to the Pi, once it is durable in the outbox (Home
/// Assistant shows them locally).
/// </summary>
internal interface IAcceptedRecordObserver
{
    void Accepted(TelemetryRecord record);
}
