using System.Globalization;
using SmartHome.Testing;

namespace SmartHome.Deploy.IntegrationTests.Support;

/// <summary>The arguments that start a gateway on free loopback ports, with its outbox in a folder of the test.</summary>
internal sealed class GatewayCommandLine
{
    public int UplinkPort { get; init; } = FreePort.Next();

    public int ApplianceLinkPort { get; } = FreePort.Next();

    public int HealthPort { get; } = FreePort.Next();

    public Uri HealthAddress => new($"http://127.0.0.1:{HealthPort}/healthz");

    public IEnumerable<string> Arguments(string outboxPath) =>
    [
        "--SmartHome:Gateway:HouseholdId=home-1",
        "--SmartHome:Gateway:GatewayId=pi-1",
        Setting("Uplink:Port", UplinkPort),
        Setting("ApplianceLink:Port", ApplianceLinkPort),
        Setting("Health:Port", HealthPort),
        $"--SmartHome:Gateway:Outbox:Path={outboxPath}",
    ];

    private static string Setting(string key, int value) => $"--SmartHome:Gateway:{key}={value.ToString(CultureInfo.InvariantCulture)}";
}
