using SmartHome.Testing;

namespace SmartHome.Contracts.UnitTests.Docs;

/// <summary>Files of the repository the documentation tests read.</summary>
internal static class RepositoryFiles
{
    public static string ProtocolDocument => Path.Combine(RepositoryPaths.Root, "docs", "protocol.md");

    public static string SchemasDirectory => Path.Combine(RepositoryPaths.Root, "docs", "schemas");

    public static string Schema(string name) => Path.Combine(SchemasDirectory, name + ".json");
}
