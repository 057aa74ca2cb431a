using System.Text.Json;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Notifications;
using SmartHome.Contracts.Serialization;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Health;

namespace SmartHome.Gateway.UnitTests.Support;

internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static readonly GatewayIdentity Identity = new("home-1", "gw-1", Guid.Parse("6f1c1b4e-6a53-4c5e-9a57-1f0e4f1d2c3b"), "1.0.0-test");

    public static TelemetryRecord Temperature(double celsius, string appliance = "fridge-1") =>
        TelemetryRecord.From(appliance, new TemperatureReading { Sensor = "fridge", Celsius = celsius }, Start);

    /// <summary>A household notification as the cloud publishes it, as JSON.</summary>
    public static string NotificationJson(Guid id, NotificationSeverity severity = NotificationSeverity.Urgent, string householdId = "home-1") =>
        JsonSerializer.Serialize(
            new HouseholdNotification
            {
                Id = id,
                HouseholdId = householdId,
                EventId = "evt-" + id.ToString("N"),
                Type = "shg.appliance.temperature-excursion.v1",
                Severity = severity,
                Title = "Fridge running warm",
                Body = "The fridge has been above 8 °C for 40 minutes.",
                Subject = "demo-fridge/fridge",
                At = Start,
            },
            ContractsJsonContext.Default.HouseholdNotification);

    public static GatewayMetrics NewMetrics() => new(new TestMeterFactory());
}
