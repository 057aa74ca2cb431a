using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.UnitTests.Appliances.Fridge;

public sealed class FridgeSimulatorOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var sut = new FridgeSimulatorOptionsValidator();

        Assert.True(sut.Validate(null, new FridgeSimulatorOptions()).Succeeded);
    }

    [Theory]
    [InlineData(nameof(FridgeSimulatorOptions.Port), "SmartHome:FirmwareSim:Port must be from 1 to 65535")]
    [InlineData(nameof(FridgeSimulatorOptions.ApplianceId), "SmartHome:FirmwareSim:ApplianceId must be 1-64 letters")]
    [InlineData(nameof(FridgeSimulatorOptions.TemperatureInterval), "SmartHome:FirmwareSim:TemperatureInterval must be from 50 ms to 1 hour")]
    [InlineData(nameof(FridgeSimulatorOptions.ReconnectMaxDelay), "SmartHome:FirmwareSim:ReconnectMaxDelay must be from 100 ms to 10 minutes")]
    public void Validate_BadSetting_NamesTheKey(string setting, string message)
    {
        var options = new FridgeSimulatorOptions();
        _ = setting switch
        {
            nameof(FridgeSimulatorOptions.Port) => options.Port = 0,
            nameof(FridgeSimulatorOptions.ApplianceId) => (options.ApplianceId = "appliance/+").Length,
            nameof(FridgeSimulatorOptions.TemperatureInterval) => (options.TemperatureInterval = TimeSpan.FromHours(2)).Hours,
            _ => (options.ReconnectMaxDelay = TimeSpan.Zero).Hours,
        };

        var result = new FridgeSimulatorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFridgeSimulator_InvalidSetting_FailsWhenOptionsAreRead()
    {
        using var services = new ServiceCollection().AddLogging().AddFridgeSimulator(o => o.Port = -1).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FridgeSimulatorOptions>>().Value);

        Assert.Contains("SmartHome:FirmwareSim:Port", error.Message, StringComparison.Ordinal);
    }
}
