using System.Diagnostics;
using System.Text;

namespace SmartHome.Testing;

/// <summary>
/// A real Mosquitto broker (Debian's package, installed by the test script) on a free loopback port, with its own
/// configuration and persistence in a temporary folder. Stop and start it again to simulate an outage. With a
/// <see cref="MosquittoTls"/>, it also listens with TLS on <see cref="TlsPort"/>, while <see cref="Port"/> stays plain
/// for test subscribers and the cloud.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private readonly MosquittoTls? _tls;
    private Process? _process;

    private MosquittoBroker(string directory, int port, MosquittoTls? tls)
    {
        _directory = directory;
        Port = port;
        _tls = tls;
        TlsPort = tls is null ? null : FreePort.Next();
    }

    public int Port { get; }

    /// <summary>The TLS listener's port, when the broker was started with one.</summary>
    public int? TlsPort { get; }

    public string ConfigPath => Path.Combine(_directory, "mosquitto.conf");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Started as root, Mosquitto would switch to its own user, which can neither save its persistence file in the
    /// test's root-only temporary folder nor read the test's certificates.
    /// </summary>
    private static string StayAsRoot => Environment.UserName == "root" ? "user root" : string.Empty;

    /// <param name="extraConfig">Lines appended to the configuration (ACLs, further listeners).</param>
    /// <param name="tls">A TLS listener on a second free port.</param>
    public static async Task<MosquittoBroker> StartAsync(string extraConfig = "", MosquittoTls? tls = null)
    {
        EnsureInstalled();
        var directory = Directory.CreateTempSubdirectory("shg-mosquitto-").FullName;
        var broker = new MosquittoBroker(directory, FreePort.Next(), tls);
        await File.WriteAllTextAsync(broker.ConfigPath, $"""
            listener {broker.Port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {directory}/
            autosave_interval 1
            max_queued_messages 100000
            log_dest stdout
            {StayAsRoot}
            {extraConfig}
            {tls?.ListenerConfig(broker.TlsPort!.Value)}
            """);
        await broker.StartAsync();
        return broker;
    }

    /// <summary>Starts a broker on a free loopback port with a configuration of the caller's own (e.g. a deployment's, adapted).</summary>
    /// <param name="config">The whole configuration, given the port to listen on and a temporary folder for its files and persistence.</param>
    public static async Task<MosquittoBroker> StartWithConfigAsync(Func<int, string, string> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        EnsureInstalled();
        var directory = Directory.CreateTempSubdirectory("shg-mosquitto-").FullName;
        var broker = new MosquittoBroker(directory, FreePort.Next(), tls: null);
        await File.WriteAllTextAsync(broker.ConfigPath, $"""
            {config(broker.Port, directory)}
            log_dest stdout
            {StayAsRoot}
            """);
        await broker.StartAsync();
        return broker;
    }

    private static void EnsureInstalled()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run ./test.sh, which installs Mosquitto from Debian's packages.");
        }
    }

    /// <summary>Starts the broker (again); a TLS listener reads its certificate files anew.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Executable, ["-c", ConfigPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(15));
            if (TlsPort is { } tlsPort)
            {
                await FreePort.WaitUntilListeningAsync(tlsPort, TimeSpan.FromSeconds(15));
            }
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"mosquitto did not listen on {Port} (TLS: {TlsPort}):\n{Output}");
        }
    }

    /// <summary>Stops the broker the way a service manager does (SIGTERM): it saves its sessions and queued messages first.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString()]);
            await term.WaitForExitAsync();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
