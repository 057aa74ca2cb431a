using Microsoft.Extensions.Options;

namespace SmartHome.Gateway.Options;

/// <summary>Source-generated validation of <see cref="GatewayOptions"/>: data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>.</summary>
[OptionsValidator]
public sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>;
