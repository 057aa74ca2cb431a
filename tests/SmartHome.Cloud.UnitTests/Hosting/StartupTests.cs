using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using SmartHome.Hosting;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.UnitTests.Hosting;

public class StartupTests
{
    [Fact]
    public async Task RunAsync_HostFailsOnConfiguration_ReturnsExitCodeTwo()
    {
        var settings = CloudTestHost.DefaultSettings(CloudTestHost.NewDatabasePath());
        settings["SmartHome:Cloud:AdminKey"] = "short";
        await using var host = CloudTestHost.CreateBuilder(settings).Build();

        var exitCode = await StartupErrors.RunAsync(() => host.StartAsync());

        Assert.Equal(StartupErrors.ConfigurationErrorExitCode, exitCode);
    }

    [Fact]
    public async Task RunAsync_OtherFailure_Propagates()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => StartupErrors.RunAsync(() => throw new InvalidOperationException("not configuration")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    public async Task StartAsync_MissingOrShortAdminKey_RefusesNamingTheKey(string? adminKey)
    {
        var settings = CloudTestHost.DefaultSettings(CloudTestHost.NewDatabasePath());
        settings["SmartHome:Cloud:AdminKey"] = adminKey;
        await using var sut = CloudTestHost.CreateBuilder(settings).Build();

        var failure = await Record.ExceptionAsync(() => sut.StartAsync());

        Assert.NotNull(failure);
        Assert.True(StartupErrors.IsConfigurationError(failure));
        var line = StartupErrors.Describe(failure);
        Assert.Contains("SmartHome:Cloud:AdminKey", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Theory]
    [InlineData("shp_0123456789abcdefghij")]
    [InlineData("shh_0123456789abcdefghij")]
    public async Task StartAsync_AdminKeyWithATokenPrefix_RefusesNamingTheKey(string adminKey)
    {
        var settings = CloudTestHost.DefaultSettings(CloudTestHost.NewDatabasePath());
        settings["SmartHome:Cloud:AdminKey"] = adminKey;
        await using var sut = CloudTestHost.CreateBuilder(settings).Build();

        var failure = await Record.ExceptionAsync(() => sut.StartAsync());

        Assert.NotNull(failure);
        var line = StartupErrors.Describe(failure);
        Assert.Contains("SmartHome:Cloud:AdminKey", line, StringComparison.Ordinal);
        Assert.Contains("shp_", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SmartHome:Cloud:Core:HistoryResolution", "00:00:00")]
    [InlineData("SmartHome:Cloud:Core:RecentlyGoneLimit", "-1")]
    [InlineData("SmartHome:Cloud:Delivery:MaxResponseBytes", "10")]
    [InlineData("SmartHome:Cloud:Delivery:ConnectTimeout", "00:00:00")]
    [InlineData("SmartHome:Cloud:Delivery:Origin", "")]
    [InlineData("SmartHome:Cloud:Delivery:SecretRotationOverlap", "31.00:00:00")]
    [InlineData("SmartHome:Cloud:Delivery:SecretRotationOverlap", "-00:00:01")]
    [InlineData("SmartHome:Cloud:Delivery:MaxEventBytes", "10")]
    [InlineData("SmartHome:Cloud:Delivery:DisableAfter", "00:00:10")]
    [InlineData("SmartHome:Cloud:Delivery:MaxRetryAfter", "2.00:00:00")]
    [InlineData("SmartHome:Cloud:Delivery:Worker:RatePerEndpoint", "0")]
    [InlineData("SmartHome:Cloud:Delivery:Worker:BurstPerEndpoint", "0")]
    [InlineData("SmartHome:Cloud:Notifications:Stream:KeepAlive", "00:00:00")]
    [InlineData("SmartHome:Cloud:Notifications:Stream:PollInterval", "00:05:00")]
    [InlineData("SmartHome:Cloud:Notifications:Stream:MaxPerHousehold", "0")]
    [InlineData("SmartHome:Cloud:Notifications:Webhook:MaxAge", "00:00:30")]
    [InlineData("SmartHome:Cloud:Notifications:Webhook:BatchSize", "0")]
    [InlineData("SmartHome:Cloud:Notifications:Webhook:PollInterval", "00:05:00")]
    public async Task StartAsync_SettingOutOfRange_RefusesNamingTheKey(string key, string value)
    {
        var settings = CloudTestHost.DefaultSettings(CloudTestHost.NewDatabasePath());
        settings[key] = value;
        await using var sut = CloudTestHost.CreateBuilder(settings).Build();

        var failure = await Record.ExceptionAsync(() => sut.StartAsync());

        Assert.NotNull(failure);
        Assert.True(StartupErrors.IsConfigurationError(failure));
        Assert.Contains(key, StartupErrors.Describe(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_LeaseShorterThanAnAttemptCanTake_RefusesNamingTheLease()
    {
        var settings = CloudTestHost.DefaultSettings(CloudTestHost.NewDatabasePath());
        settings["SmartHome:Cloud:Delivery:ResponseTimeout"] = "00:05:00";
        settings["SmartHome:Cloud:Delivery:Worker:Lease"] = "00:05:00";
        await using var sut = CloudTestHost.CreateBuilder(settings).Build();

        var failure = await Record.ExceptionAsync(() => sut.StartAsync());

        Assert.NotNull(failure);
        Assert.True(StartupErrors.IsConfigurationError(failure));
        Assert.Contains("SmartHome:Cloud:Delivery:Worker:Lease", StartupErrors.Describe(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PostgresProvider_RefusesNamingTheKey()
    {
        var settings = CloudTestHost.DefaultSettings(CloudTestHost.NewDatabasePath());
        settings["SmartHome:Cloud:Storage:Provider"] = "Postgres";
        await using var sut = CloudTestHost.CreateBuilder(settings).Build();

        var failure = await Record.ExceptionAsync(() => sut.StartAsync());

        Assert.NotNull(failure);
        Assert.Contains("SmartHome:Cloud:Storage:Provider", StartupErrors.Describe(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void AddCloud_NoUrlsConfigured_ListensOnLoopback5080()
    {
        var sut = WebApplication.CreateBuilder();

        sut.AddCloud();

        Assert.Equal(CloudHostExtensions.DefaultUrl, sut.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void AddCloud_UrlsGiven_KeepsThem()
    {
        var sut = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:6000"]);

        sut.AddCloud();

        Assert.Equal("http://127.0.0.1:6000", sut.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public async Task StartAsync_EmbeddedBrokerOnPortZero_PicksAPortAndReportsHealthy()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var client = sut.Client();

        using var response = await client.GetAsync("/healthz");
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("connected", health.GetProperty("broker").GetProperty("state").GetString());
        Assert.True(sut.BrokerPort > 0);
        Assert.Equal(sut.BrokerPort, health.GetProperty("broker").GetProperty("port").GetInt32());
        Assert.Equal(0, health.GetProperty("deliveries").GetProperty("byStatus").GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task StartAsync_SameStoreTwice_MigratesOnceAndKeepsData()
    {
        var databasePath = CloudTestHost.NewDatabasePath();
        try
        {
            string partnerId;
            await using (var first = await CloudTestHost.StartAsync(databasePath: databasePath))
            {
                partnerId = (await first.CreatePartnerAsync()).Id;
            }

            await using var sut = await CloudTestHost.StartAsync(databasePath: databasePath);

            Assert.NotNull(await sut.Service<PartnerStore>().FindAsync(partnerId, CancellationToken.None));
        }
        finally
        {
            CloudTestHost.DeleteDatabase(databasePath);
        }
    }

    [Fact]
    public async Task OpenApi_Document_DescribesBearerSchemeAndEveryEndpoint()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var client = sut.Client();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/v1/partners", "/api/v1/households/{householdId}/tokens", "/api/v1/subscriptions", "/api/v1/subscriptions/{id}",
            "/api/v1/deliveries", "/api/v1/household", "/api/v1/household/notifications", "/api/v1/household/consents",
            "/api/v1/household/consents/{partnerId}", "/healthz",
            "/api/v1/subscriptions/{id}/enable", "/api/v1/deliveries/{id}/attempts", "/api/v1/deliveries/{id}/redrive",
            "/api/v1/deliveries/redrive", "/api/v1/partner/notices",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }
    }
}
