namespace SmartHome.Contracts.UnitTests.Docs;

/// <summary>Finds files of the repository from wherever the tests run.</summary>
internal static class RepositoryFiles
{
    private const string SolutionFile = "SmartHomeGateway.sln";

    public static string Root { get; } = FindRoot();

    public static string ProtocolDocument => Path.Combine(Root, "docs", "protocol.md");

    public static string SchemasDirectory => Path.Combine(Root, "docs", "schemas");

    public static string Schema(string name) => Path.Combine(SchemasDirectory, name + ".json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no {SolutionFile} above {AppContext.BaseDirectory}");
    }
}
