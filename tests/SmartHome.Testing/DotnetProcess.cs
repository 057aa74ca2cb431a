using System.Diagnostics;

namespace SmartHome.Testing;

/// <summary>
/// A built application (<c>{name}.dll</c> next to the running assembly) started with <c>dotnet</c> as its own
/// process, configured on its command line; it keeps its last lines of output for failure messages and can be
/// SIGKILLed. A project that references an application project gets its dll, runtimeconfig and deps files in its
/// own build output, whatever the configuration.
/// </summary>
public sealed class DotnetProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 300;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private DotnetProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
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

    /// <summary>The application's dll in the running assembly's folder.</summary>
    public static string BuiltAssembly(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

    /// <param name="assembly">The dll to run.</param>
    /// <param name="settings">Configuration keys and values, passed as <c>--key=value</c>.</param>
    public static DotnetProcess Start(string assembly, IEnumerable<KeyValuePair<string, string>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: reference its project from the project that starts it.");
        }

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

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{assembly} did not start");
        var started = new DotnetProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
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
