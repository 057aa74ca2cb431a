using Microsoft.Extensions.Options;

namespace SmartHome.FirmwareSim.Appliances.Fridge;

[OptionsValidator]
internal sealed partial class FridgeSimulatorOptionsValidator : IValidateOptions<FridgeSimulatorOptions>;
