using System.Reflection;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway;

/// <summary>Who this gateway is, and which run of it: <see cref="BootId"/> is new every time the host is built.</summary>
internal sealed record GatewayIdentity(string HouseholdId, string GatewayId, Guid BootId, string Version)
{
    public static GatewayIdentity ForNewBoot(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.HouseholdId, options.GatewayId, Guid.NewGuid(), ProductVersion);
    }

    private static string ProductVersion =>
        typeof(GatewayIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
