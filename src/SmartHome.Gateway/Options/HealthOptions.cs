
namespace SmartHome.Gateway.Options;

/// <summary>The health HTTP listener on 127.0.0.1.</summary>
public sealed class HealthOptions
{
    /// <summary>0 picks a free port.</summary>
    [Between(0, 65535, ErrorMessage = GatewayConfigKeys.HealthPort + " must be from 0 to 65535")]
    public int Port { get; set; } = 5081;
}
