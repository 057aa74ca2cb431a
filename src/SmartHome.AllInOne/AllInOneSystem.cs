using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration.Memory;
using SmartHome.Cloud;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.Gateway;

namespace SmartHome.AllInOne;

/// <summary>The cloud, one gateway and a simulated fridge, started in one process on the embedded defaults.</summary>
public sealed class AllInOneSystem : IAsyncDisposable
{
    private readonly WebApplication _cloud;
    private readonly WebApplication _gateway;
    private readonly IHost _simulator;
    private readonly AllInOneSettings _settings;

    private AllInOneSystem(WebApplication cloud, WebApplication gateway, IHost simulator, AllInOneSettings settings, Uri cloudAddress, string householdToken)
    {
        _cloud = cloud;
        _gateway = gateway;
        _simulator = simulator;
        _settings = settings;
        CloudAddress = cloudAddress;
        HouseholdToken = householdToken;
    }

    public Uri CloudAddress { get; }

    public string AdminKey => _settings.AdminKey;

    /// <summary>A householder token for the demo household, made at start.</summary>
    public string HouseholdToken { get; }

    public static async Task<AllInOneSystem> StartAsync(string[] args, CancellationToken ct = default)
    {
        var userConfiguration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var settings = AllInOneSettings.From(userConfiguration);
        Directory.CreateDirectory(settings.DataPath);
        var smartHomeKeys = userConfiguration.GetSection("SmartHome").AsEnumerable()
            .Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

        var cloudBuilder = WebApplication.CreateBuilder(args);
        WithDefaults(cloudBuilder.Configuration, settings.CloudDefaults());
        cloudBuilder.Services.AddSingleton<IHostLifetime, ComposedHostLifetime>();
        cloudBuilder.AddCloud();
        var cloud = cloudBuilder.Build();
        cloud.MapCloud();
        await cloud.StartAsync(ct);

        var gatewayBuilder = WebApplication.CreateSlimBuilder();
        WithDefaults(gatewayBuilder.Configuration, settings.GatewayDefaults());
        gatewayBuilder.Services.AddSingleton<IHostLifetime, ComposedHostLifetime>();
        gatewayBuilder.Configuration.AddInMemoryCollection(smartHomeKeys);
        gatewayBuilder.AddGateway();
        var gateway = gatewayBuilder.Build();
        gateway.MapGatewayHealth();
        await gateway.StartAsync(ct);

        var simulatorBuilder = Host.CreateApplicationBuilder();
        WithDefaults(simulatorBuilder.Configuration, settings.SimulatorDefaults());
        simulatorBuilder.Services.AddSingleton<IHostLifetime, ComposedHostLifetime>();
        simulatorBuilder.Configuration.AddInMemoryCollection(smartHomeKeys);
        simulatorBuilder.AddFridgeSimulator();
        var simulator = simulatorBuilder.Build();
        await simulator.StartAsync(ct);

        var cloudAddress = new Uri(cloud.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        var householdToken = await CreateHouseholdTokenAsync(cloudAddress, settings.AdminKey, ct);
        return new AllInOneSystem(cloud, gateway, simulator, settings, cloudAddress, householdToken);
    }

    public void PrintWelcome(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine($"SmartHomeGateway is running: cloud {CloudAddress}, household '{AllInOneSettings.HouseholdId}', gateway '{AllInOneSettings.GatewayId}', fridge '{AllInOneSettings.ApplianceId}'.");
        output.WriteLine(_settings.AdminKeyGenerated
            ? $"  Admin key (generated for this run; set SmartHome:Cloud:AdminKey to keep one): {AdminKey}"
            : "  Admin key: the one set in SmartHome:Cloud:AdminKey");
        output.WriteLine($"  Householder token for '{AllInOneSettings.HouseholdId}': {HouseholdToken}");
        output.WriteLine($"  Try: curl -H \"Authorization: Bearer {HouseholdToken}\" {CloudAddress}api/v1/household/notifications");
        output.WriteLine($"  Dashboard: {CloudAddress} (sign in with the householder token)");
        output.WriteLine();
    }

    /// <summary>
    /// Waits for Ctrl+C, SIGTERM, or any of the hosts stopping itself. The hosts have no console lifetime of their own,
    /// so <see cref="DisposeAsync"/> alone decides the order they stop in: fridge, gateway, then cloud.
    /// </summary>
    public async Task WaitForShutdownAsync(CancellationToken ct = default)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var cloudStopping = _cloud.Lifetime.ApplicationStopping.Register(() => stop.TrySetResult());
        using var gatewayStopping = _gateway.Lifetime.ApplicationStopping.Register(() => stop.TrySetResult());
        using var simulatorStopping = _simulator.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stop.TrySetResult());
        await stop.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _simulator.StopAsync();
        await _gateway.StopAsync();
        await _cloud.StopAsync();
        _simulator.Dispose();
        await _gateway.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    /// <summary>Puts <paramref name="defaults"/> beneath every other configuration source, so anything the user sets wins.</summary>
    private static void WithDefaults(ConfigurationManager configuration, Dictionary<string, string?> defaults) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });

    private static async Task<string> CreateHouseholdTokenAsync(Uri cloudAddress, string adminKey, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = cloudAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await http.PostAsync(new Uri($"api/v1/households/{AllInOneSettings.HouseholdId}/tokens", UriKind.Relative), content: null, ct);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedToken>(ct);
        return created?.Token ?? throw new InvalidOperationException("the cloud answered the token request without a token");
    }

    private sealed record CreatedToken(string Token);
}
