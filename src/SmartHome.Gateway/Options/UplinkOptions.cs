using System.ComponentModel.DataAnnotations;

namespace SmartHome.Gateway.Options;

/// <summary>The cloud broker the gateway publishes to (contract §3).</summary>
public sealed class UplinkOptions : IValidatableObject
{
    private static readonly TimeSpan MaxBootJitter = TimeSpan.FromMinutes(10);

    [Required(ErrorMessage = GatewayConfigKeys.UplinkHost + " is required")]
    public string Host { get; set; } = "127.0.0.1";

    [Between(1, 65535, ErrorMessage = GatewayConfigKeys.UplinkPort + " must be from 1 to 65535")]
    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>PEM or DER file of the CA that signed the broker's certificate; the chain is validated against it alone.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM certificate (with <see cref="ClientKeyFile"/>) or PKCS#12 file (without it) for mutual TLS.</summary>
    public string? ClientCertFile { get; set; }

    public string? ClientKeyFile { get; set; }

    /// <summary>
    /// Envelopes per second replayed from a backlog (what was written more than a few seconds before it could be
    /// sent); live envelopes are not paced. Envelopes, not records: each costs the cloud one transaction.
    /// </summary>
    [Between(1, 10_000, ErrorMessage = GatewayConfigKeys.UplinkReplayRate + " must be from 1 to 10000 envelopes per second")]
    public int ReplayRate { get; set; } = 50;

    /// <summary>
    /// The first connection attempt waits a random delay up to this long, so that the gateways of a neighbourhood
    /// coming back from a power cut do not reach the broker in one wave; zero connects at once.
    /// </summary>
    public TimeSpan BootJitter { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Password) && string.IsNullOrEmpty(Username))
        {
            yield return new($"{GatewayConfigKeys.UplinkPassword} is set but {GatewayConfigKeys.UplinkUsername} is not", [nameof(Password)]);
        }

        if (!UseTls && (!string.IsNullOrEmpty(CaFile) || !string.IsNullOrEmpty(ClientCertFile)))
        {
            yield return new($"{GatewayConfigKeys.UplinkCaFile} and {GatewayConfigKeys.UplinkClientCertFile} need {GatewayConfigKeys.UplinkUseTls}=true", [nameof(UseTls)]);
        }

        if (!string.IsNullOrEmpty(ClientKeyFile) && string.IsNullOrEmpty(ClientCertFile))
        {
            yield return new($"{GatewayConfigKeys.UplinkClientKeyFile} is set but {GatewayConfigKeys.UplinkClientCertFile} is not", [nameof(ClientKeyFile)]);
        }

        if (BootJitter < TimeSpan.Zero || BootJitter > MaxBootJitter)
        {
            yield return new($"{GatewayConfigKeys.UplinkBootJitter} must be from 00:00:00 to {MaxBootJitter}, was {BootJitter}", [nameof(BootJitter)]);
        }

        foreach (var (key, member, path) in new[]
        {
            (GatewayConfigKeys.UplinkCaFile, nameof(CaFile), CaFile),
            (GatewayConfigKeys.UplinkClientCertFile, nameof(ClientCertFile), ClientCertFile),
            (GatewayConfigKeys.UplinkClientKeyFile, nameof(ClientKeyFile), ClientKeyFile),
        })
        {
            if (!string.IsNullOrEmpty(path) && !File.Exists(path))
            {
                yield return new($"{key}: file '{path}' does not exist", [member]);
            }
        }
    }
}
