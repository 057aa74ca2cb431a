using System.ComponentModel.DataAnnotations;
using SmartHome.Gateway.ApplianceLink;

namespace SmartHome.Gateway.Options;

/// <summary>Where appliances publish (contract §2): the embedded listener, or an existing local broker.</summary>
public sealed class ApplianceLinkOptions : IValidatableObject
{
    /// <summary>Port of the embedded listener on 127.0.0.1; 0 picks a free one.</summary>
    [Between(0, 65535, ErrorMessage = GatewayConfigKeys.ApplianceLinkPort + " must be from 0 to 65535")]
    public int Port { get; set; } = 1884;

    /// <summary><c>host:port</c> of an existing local broker; when set, the embedded listener is not started.</summary>
    public string? ExternalBroker { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ExternalBroker) && !BrokerAddress.TryParse(ExternalBroker, out _))
        {
            yield return new(
                $"{GatewayConfigKeys.ApplianceLinkExternalBroker} must be host:port with a port from 1 to 65535, was '{ExternalBroker}'",
                [nameof(ExternalBroker)]);
        }
    }
}
