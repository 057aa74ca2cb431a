using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SmartHome.FirmwareSim.Fleet;

/// <summary>One gateway appliance link, written <c>host:port</c>.</summary>
public sealed record LinkAddress(string Host, int Port)
{
    public static bool TryParse(string text, [NotNullWhen(true)] out LinkAddress? address)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        address = new LinkAddress(text[..colon], port);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
