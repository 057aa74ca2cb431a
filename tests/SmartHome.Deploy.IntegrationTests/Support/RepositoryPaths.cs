using System.Reflection;

namespace SmartHome.Deploy.IntegrationTests.Support;

/// <summary>Where the deployment files and the gateway the tests run are.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository this test assembly was built from (recorded at build time by the project file).</summary>
    public static string Root { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string PublishArm64Script => Path.Combine(Root, "deploy", "gateway", "publish-arm64.sh");

    public static string SystemdUnit => Path.Combine(Root, "deploy", "gateway", "smarthome-gateway.service");

    /// <summary>The gateway built for this machine, copied next to the tests by the project reference.</summary>
    public static string BuiltGateway => Path.Combine(AppContext.BaseDirectory, "SmartHome.Gateway");
}
