using System.Diagnostics;

namespace SmartHome.Testing;

/// <summary>
/// The built gateway (<c>SmartHome.Gateway.dll</c>) as a separate process, configured on its command line, with its
/// appliance link and health on free loopback ports: a caller can SIGKILL it and start another on the same outbox.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 300;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private GatewayProcess(Process process, int applianceLinkPort, int healthPort)
    {
        _process = process;
        ApplianceLinkPort = applianceLinkPort;
        HealthAddress = new Uri($"http://127.0.0.1:{healthPort}/healthz");
    }

    /// <summary>
    /// The gateway next to the running assembly: a project that references src/SmartHome.Gateway gets it, with its
    /// runtimeconfig and deps files, in its own build output, whatever the configuration.
    /// </summary>
    public static string BuiltAssembly => Path.Combine(AppContext.BaseDirectory, "SmartHome.Gateway.dll");

    public int ApplianceLinkPort { get; }

    public Uri HealthAddress { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the gateway wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the gateway and returns once its appliance link accepts connections.</summary>
    /// <param name="settings">Configuration keys and values beyond the free ports, e.g. identity, uplink and outbox path.</param>
    /// <param name="assemblyPath">The gateway to run; <see cref="BuiltAssembly"/> when null.</param>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string? assemblyPath = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var assembly = assemblyPath ?? BuiltAssembly;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: reference src/SmartHome.Gateway from the project that starts it.");
        }

        var linkPort = FreePort.Next();
        var healthPort = FreePort.Next();
        var info = new ProcessStartInfo(DotnetHost.Path, [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.ArgumentList.Add($"--SmartHome:Gateway:ApplianceLink:Port={linkPort}");
        info.ArgumentList.Add($"--SmartHome:Gateway:Health:Port={healthPort}");

        var process = Process.Start(info) ?? throw new InvalidOperationException("the gateway did not start");
        var gateway = new GatewayProcess(process, linkPort, healthPort);
        process.OutputDataReceived += (_, e) => gateway.Append(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }
}
