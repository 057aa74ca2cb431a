using System.Text.RegularExpressions;

namespace SmartHome.Testing;

/// <summary>Where the repository and the shared data next to it are, from wherever the tests run.</summary>
public static partial class RepositoryPaths
{
    private const string SolutionFile = "SmartHomeGateway.sln";

    public static string Root { get; } = FindRoot();

    /// <summary>
    /// A file of <c>../shared/data</c> (test data that is never copied into the repository): next to the repository,
    /// or, for a clone made elsewhere (<c>git clone . /tmp/x</c>), next to the repository it was cloned from.
    /// </summary>
    public static string SharedData(string fileName)
    {
        var candidates = new[] { Root, ClonedFrom() }
            .OfType<string>()
            .Select(repository => Path.GetFullPath(Path.Combine(repository, "..", "shared", "data", fileName)))
            .ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{fileName} not found in ../shared/data next to the repository (looked at {string.Join(", ", candidates)})", candidates[0]);
    }

    /// <summary>The local directory the <c>origin</c> remote points at, if it is one.</summary>
    private static string? ClonedFrom()
    {
        var config = Path.Combine(Root, ".git", "config");
        if (!File.Exists(config))
        {
            return null;
        }

        var url = OriginUrl().Match(File.ReadAllText(config));
        return url.Success && Directory.Exists(url.Groups[1].Value.Trim()) ? url.Groups[1].Value.Trim() : null;
    }

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

    [GeneratedRegex("""\[remote "origin"\][^\[]*?url\s*=\s*(\S+)""", RegexOptions.CultureInvariant)]
    private static partial Regex OriginUrl();
}
