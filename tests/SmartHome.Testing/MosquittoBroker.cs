using System.Diagnostics;
using System.Text;

namespace SmartHome.Testing;

/// <summary>
/// A real Mosquitto broker (Debian's package, installed by the test script) on a free loopback port, with its own
/// configuration and persistence in a temporary folder. Stop and start it again to simulate an outage.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private MosquittoBroker(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

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

    /// <param name="extraConfig">Lines appended to the configuration (ACLs, TLS listeners).</param>
    public static async Task<MosquittoBroker> StartAsync(string extraConfig = "")
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run ./test.sh, which installs Mosquitto from Debian's packages.");
        }

        var directory = Directory.CreateTempSubdirectory("shg-mosquitto-").FullName;
        var broker = new MosquittoBroker(directory, FreePort.Next());
        await File.WriteAllTextAsync(broker.ConfigPath, $"""
            listener {broker.Port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {directory}/
            autosave_interval 1
            max_queued_messages 100000
            log_dest stdout
            {extraConfig}
            """);
        await broker.StartAsync();
        return broker;
    }

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
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"mosquitto did not listen on {Port}:\n{Output}");
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
