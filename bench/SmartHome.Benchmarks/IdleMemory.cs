using System.Diagnostics;
using System.Text.Json;
using SmartHome.Testing;

namespace SmartHome.Benchmarks;

/// <summary>(d) Resident memory of an idle, connected gateway and of an empty <c>dotnet new worker</c>, both Release and framework-dependent.</summary>
internal static class IdleMemory
{
    public static async Task<ProcessMemory> GatewayAsync(MosquittoBroker broker, BenchSettings settings)
    {
        await using var gateway = await BenchGateway.StartAsync(broker, "bench-gw-idle");
        await Task.Delay(settings.Settle);
        return new(ResidentBytes(gateway.Process.Id), ServerGc(GatewayProcess.BuiltAssembly));
    }

    public static async Task<ProcessMemory> EmptyWorkerAsync(BenchSettings settings)
    {
        var folder = Directory.CreateTempSubdirectory("shg-bench-worker-").FullName;
        try
        {
            await DotnetAsync(folder, "new", "worker", "--name", "EmptyWorker", "--output", ".");
            await DotnetAsync(folder, "build", "-c", "Release", "-o", "out");
            var assembly = Path.Combine(folder, "out", "EmptyWorker.dll");
            using var worker = Process.Start(new ProcessStartInfo(DotnetHost.Path, [assembly]) { RedirectStandardOutput = true })!;
            worker.BeginOutputReadLine();
            try
            {
                await Task.Delay(settings.Settle);
                return new(ResidentBytes(worker.Id), ServerGc(assembly));
            }
            finally
            {
                worker.Kill();
                await worker.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
    }

    private static bool ServerGc(string assembly)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(assembly, ".runtimeconfig.json")));
        return config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server) && server.GetBoolean();
    }

    private static async Task DotnetAsync(string folder, params string[] arguments)
    {
        var info = new ProcessStartInfo(DotnetHost.Path, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var dotnet = Process.Start(info)!;
        var output = dotnet.StandardOutput.ReadToEndAsync();
        var errors = dotnet.StandardError.ReadToEndAsync();
        await dotnet.WaitForExitAsync();
        if (dotnet.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{await output}{await errors}");
        }
    }
}

internal sealed record ProcessMemory(long ResidentBytes, bool ServerGc);
