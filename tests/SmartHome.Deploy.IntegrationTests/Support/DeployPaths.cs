using SmartHome.Testing;

namespace SmartHome.Deploy.IntegrationTests.Support;

/// <summary>Where the deployment files and the gateway the tests run are.</summary>
internal static class DeployPaths
{
    public static string PublishArm64Script => Path.Combine(RepositoryPaths.Root, "deploy", "gateway", "publish-arm64.sh");

    public static string SystemdUnit => Path.Combine(RepositoryPaths.Root, "deploy", "gateway", "smarthome-gateway.service");

    /// <summary>The gateway built for this machine, copied next to the tests by the project reference.</summary>
    public static string BuiltGateway => Path.Combine(AppContext.BaseDirectory, "SmartHome.Gateway");
}
