using Microsoft.Extensions.Configuration;
using SmartHome.Gateway.Options;
using SmartHome.Hosting;

namespace SmartHome.Gateway.UnitTests.Hosting;

public sealed class StartupErrorsTests
{
    [Fact]
    public void Describe_BinderConversionFailure_NamesTheKeyWithoutTheValue()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SmartHome:Gateway:Uplink:UseTls"] = "secret-ish" })
            .Build();
        var failure = Record.Exception(() => configuration.GetSection("SmartHome:Gateway:Uplink").Get<UplinkOptions>());

        Assert.NotNull(failure);
        Assert.True(StartupErrors.IsConfigurationError(failure));
        Assert.Equal("Configuration error: SmartHome:Gateway:Uplink:UseTls must be true or false", StartupErrors.Describe(failure));
    }

    [Fact]
    public void IsConfigurationError_OtherInvalidOperation_IsNot()
    {
        Assert.False(StartupErrors.IsConfigurationError(new InvalidOperationException("Failed to start the broker")));
    }
}
