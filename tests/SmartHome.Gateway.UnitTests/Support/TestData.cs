using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;
using SmartHome.Gateway.Health;

namespace SmartHome.Gateway.UnitTests.Support;

internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static readonly GatewayIdentity Identity = new("home-1", "gw-1", Guid.Parse("6f1c1b4e-6a53-4c5e-9a57-1f0e4f1d2c3b"), "1.0.0-test");

    public static TelemetryRecord Temperature(double celsius, string appliance = "fridge-1") =>
        TelemetryRecord.From(appliance, new TemperatureReading { Sensor = "fridge", Celsius = celsius }, Start);

    public static GatewayMetrics NewMetrics() => new(new TestMeterFactory());
}
