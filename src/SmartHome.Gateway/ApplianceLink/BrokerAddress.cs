using System.Globalization;

namespace SmartHome.Gateway.ApplianceLink;

/// <summary>A <c>host:port</c> pair, as <c>SmartHome:Gateway:ApplianceLink:ExternalBroker</c> takes it.</summary>
internal readonly record struct BrokerAddress(string Host, int Port)
{
    public static bool TryParse(string? value, out BrokerAddress address)
    {
        address = default;
        var colon = value?.LastIndexOf(':') ?? -1;
        if (value is null || colon <= 0
            || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            return false;
        }

        var host = value[..colon].Trim('[', ']');
        if (host.Length == 0)
        {
            return false;
        }

        address = new(host, port);
        return true;
    }

    public override string ToString() => $"{Host}:{Port}";
}
