using SmartHome.Deploy.IntegrationTests.Support;
using SmartHome.Testing;

namespace SmartHome.Deploy.IntegrationTests;

/// <summary><c>deploy/gateway/smarthome-gateway.service</c> as systemd itself reads it.</summary>
public sealed class SystemdUnitTests
{
    private const string Analyze = "/usr/bin/systemd-analyze";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Unit_VerifiedBySystemdAnalyze_OnlyMissesTheProgramThatIsInstalledOnThePi()
    {
        Assert.True(File.Exists(Analyze), $"{Analyze} is missing: run ./test.sh, which installs systemd from Debian's packages.");

        await using var verify = ChildProcess.Start(Analyze, ["verify", DeployPaths.SystemdUnit], RepositoryPaths.Root);
        await verify.WaitForExitAsync(Timeout);

        // Unknown keys, bad values and missing sections each add a line; the program path exists only on the Pi.
        var problems = verify.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            ["smarthome-gateway.service: Command /opt/smarthome/gateway/SmartHome.Gateway is not executable: No such file or directory"],
            problems);
    }
}
