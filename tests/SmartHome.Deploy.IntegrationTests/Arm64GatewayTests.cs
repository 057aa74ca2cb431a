using System.Diagnostics;
using System.Net;
using SmartHome.Deploy.IntegrationTests.Support;
using SmartHome.Testing;
using Xunit.Abstractions;

namespace SmartHome.Deploy.IntegrationTests;

/// <summary>
/// The build that goes to a Raspberry Pi, made by <c>deploy/gateway/publish-arm64.sh</c>, started under
/// <c>qemu-aarch64</c> (Debian's qemu-user with the arm64 C and C++ runtimes and OpenSSL, installed by test.sh).
/// </summary>
public sealed class Arm64GatewayTests(ITestOutputHelper output) : IDisposable
{
    private const string Qemu = "/usr/bin/qemu-aarch64";
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan EmulatedTimeout = TimeSpan.FromMinutes(3);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("shg-arm64-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task PublishedArm64Gateway_UnderQemu_AnswersHealthAndForwardsARecord()
    {
        Assert.True(File.Exists(Qemu), $"{Qemu} is missing: run ./test.sh, which installs qemu-user and the arm64 libraries.");
        var clock = Stopwatch.StartNew();
        var executable = await PublishAsync(Path.Combine(_directory.FullName, "publish"));
        output.WriteLine($"publish-arm64.sh took {clock.Elapsed.TotalSeconds:0.0} s");

        await using var broker = await MosquittoBroker.StartAsync();
        await using var cloud = await MqttTestClient.ConnectAsync(broker.Port, "shg/v1/home-1/pi-1/telemetry");
        var commandLine = new GatewayCommandLine { UplinkPort = broker.Port };
        clock.Restart();
        await using var sut = ChildProcess.Start(
            Qemu, ["-L", "/", executable, .. commandLine.Arguments(Path.Combine(_directory.FullName, "outbox"))], _directory.FullName);

        using var http = new HttpClient();
        await Eventually.TrueAsync(() => AnswersAsync(http, commandLine.HealthAddress, sut), EmulatedTimeout, "/healthz of the arm64 gateway");
        output.WriteLine($"/healthz answered {clock.Elapsed.TotalSeconds:0.0} s after qemu-aarch64 started");
        await using (var fridge = await MqttTestClient.ConnectAsync(commandLine.ApplianceLinkPort))
        {
            await fridge.PublishAsync("appliance/fridge-1/temperature", """{"sensor":"fridge","celsius":3.9}""");
        }

        var (_, envelope) = await Eventually.GetValueAsync(
            () => Task.FromResult<(string, string)?>(cloud.Received.TryPeek(out var received) ? received : null),
            EmulatedTimeout,
            "the telemetry envelope at the broker");
        output.WriteLine($"a record reached the broker {clock.Elapsed.TotalSeconds:0.0} s after qemu-aarch64 started");
        Assert.Contains("\"appliance\":\"fridge-1\"", envelope, StringComparison.Ordinal);
    }

    private static async Task<string> PublishAsync(string folder)
    {
        await using var publish = ChildProcess.Start("bash", [DeployPaths.PublishArm64Script, folder], RepositoryPaths.Root);
        var exitCode = await publish.WaitForExitAsync(PublishTimeout);
        Assert.True(exitCode == 0, $"publish-arm64.sh failed ({exitCode}):\n{publish.Output}");
        var executable = Path.Combine(folder, "SmartHome.Gateway");
        Assert.True(File.Exists(executable), $"publish-arm64.sh left no {executable}:\n{publish.Output}");
        return executable;
    }

    private static async Task<bool> AnswersAsync(HttpClient http, Uri address, ChildProcess gateway)
    {
        if (gateway.HasExited)
        {
            throw new InvalidOperationException($"the arm64 gateway exited:\n{gateway.Output}");
        }

        try
        {
            using var response = await http.GetAsync(address);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
