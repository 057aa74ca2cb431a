namespace SmartHome.Testing;

/// <summary>
/// The built gateway (<c>SmartHome.Gateway.dll</c>) as a separate process, configured on its command line, with its
/// appliance link and health on free loopback ports: a caller can SIGKILL it and start another on the same outbox.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;

    private GatewayProcess(DotnetProcess process, int applianceLinkPort, int healthPort)
    {
        _process = process;
        ApplianceLinkPort = applianceLinkPort;
        HealthAddress = new Uri($"http://127.0.0.1:{healthPort}/healthz");
    }

    /// <summary>The gateway next to the running assembly (see <see cref="DotnetProcess"/>).</summary>
    public static string BuiltAssembly => DotnetProcess.BuiltAssembly("SmartHome.Gateway");

    public int ApplianceLinkPort { get; }

    public Uri HealthAddress { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the gateway wrote, for a failure message.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the gateway and returns once its appliance link accepts connections.</summary>
    /// <param name="settings">Configuration keys and values beyond the free ports, e.g. identity, uplink and outbox path.</param>
    /// <param name="assemblyPath">The gateway to run; <see cref="BuiltAssembly"/> when null.</param>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? assemblyPath = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var linkPort = FreePort.Next();
        var healthPort = FreePort.Next();
        var process = DotnetProcess.Start(assemblyPath ?? BuiltAssembly, settings.Concat(
        [
            new("SmartHome:Gateway:ApplianceLink:Port", linkPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("SmartHome:Gateway:Health:Port", healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]));
        var gateway = new GatewayProcess(process, linkPort, healthPort);
        try
        {
            await FreePort.WaitUntilListeningAsync(linkPort, TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            await gateway.DisposeAsync();
            throw new InvalidOperationException($"the gateway did not listen on {linkPort}:\n{gateway.Output}");
        }

        return gateway;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or a power cut of the process.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
