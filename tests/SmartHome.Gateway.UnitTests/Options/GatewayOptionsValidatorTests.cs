using System.Globalization;
using SmartHome.Gateway.Options;

namespace SmartHome.Gateway.UnitTests.Options;

public sealed class GatewayOptionsValidatorTests
{
    private readonly GatewayOptionsValidator _sut = new();

    [Fact]
    public void Validate_IdentifiersAndDefaults_Succeeds()
    {
        var result = _sut.Validate(null, Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("bad/id")]
    [InlineData("with space")]
    [InlineData("gw+")]
    public void Validate_BadGatewayId_FailsNamingTheKey(string gatewayId)
    {
        var options = Valid();
        options.GatewayId = gatewayId;

        var result = _sut.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("SmartHome:Gateway:GatewayId must be 1-64 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingHouseholdId_FailsNamingTheKey()
    {
        var options = Valid();
        options.HouseholdId = string.Empty;

        var result = _sut.Validate(null, options);

        Assert.Equal("HouseholdId: SmartHome:Gateway:HouseholdId is required", result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Validate_UplinkPortOutOfRange_FailsNamingTheKey(int port)
    {
        var options = Valid();
        options.Uplink.Port = port;

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Uplink:Port must be from 1 to 65535", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Validate_ReplayRateOutOfRange_FailsNamingTheKey(int rate)
    {
        var options = Valid();
        options.Uplink.ReplayRate = rate;

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Uplink:ReplayRate must be from 1 to 10000 envelopes per second", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:10:01")]
    public void Validate_UplinkBootJitterOutOfRange_FailsNamingTheKey(string jitter)
    {
        var options = Valid();
        options.Uplink.BootJitter = TimeSpan.Parse(jitter, System.Globalization.CultureInfo.InvariantCulture);

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Uplink:BootJitter must be from 00:00:00 to 00:10:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UplinkBootJitterZero_Succeeds()
    {
        var options = Valid();
        options.Uplink.BootJitter = TimeSpan.Zero;

        Assert.True(_sut.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("home/#")]
    [InlineData("homeassistant/")]
    public void Validate_BadDiscoveryPrefix_FailsNamingTheKey(string prefix)
    {
        var options = Valid();
        options.HomeAssistant.DiscoveryPrefix = prefix;

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:HomeAssistant:DiscoveryPrefix must be an MQTT topic", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeExpiringWithin_FailsNamingTheKey()
    {
        var options = Valid();
        options.HomeAssistant.ExpiringWithin = TimeSpan.FromDays(-1);

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:HomeAssistant:ExpiringWithin must be from 00:00:00 to 365.00:00:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PortZeroForApplianceLinkAndHealth_Succeeds()
    {
        var options = Valid();
        options.ApplianceLink.Port = 0;
        options.Health.Port = 0;

        Assert.True(_sut.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ExternalBrokerWithoutPort_FailsNamingTheKey()
    {
        var options = Valid();
        options.ApplianceLink.ExternalBroker = "localhost";

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:ApplianceLink:ExternalBroker must be host:port", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCaFile_FailsNamingTheKey()
    {
        var options = Valid();
        options.Uplink.UseTls = true;
        options.Uplink.CaFile = "/nonexistent/ca.pem";

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Uplink:CaFile: file '/nonexistent/ca.pem' does not exist", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CaFileWithoutTls_FailsNamingTheKeys()
    {
        var options = Valid();
        options.Uplink.CaFile = typeof(GatewayOptionsValidatorTests).Assembly.Location;

        var result = _sut.Validate(null, options);

        Assert.Contains("need SmartHome:Gateway:Uplink:UseTls=true", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutboxMaxBytesTooSmall_FailsNamingTheKey()
    {
        var options = Valid();
        options.Outbox.MaxBytes = 1000;

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Outbox:MaxBytes must be from 1 MiB", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:10:00")]
    [InlineData("400.00:00:00")]
    public void Validate_OutboxMaxAgeOutOfRange_FailsNamingTheKey(string maxAge)
    {
        var options = Valid();
        options.Outbox.MaxAge = TimeSpan.Parse(maxAge, CultureInfo.InvariantCulture);

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Outbox:MaxAge must be from 01:00:00 to 365.00:00:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("00:15:00.500")]
    [InlineData("2.00:00:00")]
    public void Validate_OutboxRollupIntervalInvalid_FailsNamingTheKey(string interval)
    {
        var options = Valid();
        options.Outbox.RollupInterval = TimeSpan.Parse(interval, CultureInfo.InvariantCulture);

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Outbox:RollupInterval must be whole seconds from 00:01:00 to 1.00:00:00", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutUsername_FailsWithoutShowingThePassword()
    {
        var options = Valid();
        options.Uplink.Password = "s3cret-value";

        var result = _sut.Validate(null, options);

        Assert.Contains("SmartHome:Gateway:Uplink:Password is set but SmartHome:Gateway:Uplink:Username is not", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    private static GatewayOptions Valid() => new() { HouseholdId = "home-1", GatewayId = "gw-1" };
}
