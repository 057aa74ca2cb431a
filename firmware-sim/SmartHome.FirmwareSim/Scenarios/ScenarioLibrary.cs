namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>
/// The scenarios in a folder: the shipped ones are <c>firmware-sim/scenarios/*.json</c>, copied next to the program
/// so that <c>dotnet run</c> and a published build both find them.
/// </summary>
public sealed class ScenarioLibrary
{
    private const string Extension = ".json";
    private readonly string _directory;
    private readonly Lazy<IReadOnlyList<Scenario>> _scenarios;

    public ScenarioLibrary(string directory)
    {
        _directory = directory;
        _scenarios = new Lazy<IReadOnlyList<Scenario>>(Load);
    }

    /// <summary>The scenarios that ship with the simulator.</summary>
    public static ScenarioLibrary Shipped { get; } = new(Path.Combine(AppContext.BaseDirectory, "scenarios"));

    /// <summary>Every scenario in the folder, by name.</summary>
    /// <exception cref="ScenarioException">A file does not load, or two files use the same name.</exception>
    public IReadOnlyList<Scenario> Scenarios => _scenarios.Value;

    /// <summary>A scenario by its name, or by the path of a file (anything ending in <c>.json</c>).</summary>
    /// <exception cref="ScenarioException">There is no such scenario, or it does not load.</exception>
    public Scenario Find(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (nameOrPath.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(nameOrPath)
                ? ScenarioReader.ReadFile(nameOrPath, nameOrPath)
                : throw new ScenarioException($"{nameOrPath}: no such file");
        }

        return Scenarios.FirstOrDefault(s => s.Name == nameOrPath)
            ?? throw new ScenarioException($"unknown scenario '{nameOrPath}' (expected {string.Join(", ", Scenarios.Select(s => s.Name))}, or the path of a .json file)");
    }

    private List<Scenario> Load()
    {
        if (!Directory.Exists(_directory))
        {
            throw new ScenarioException($"{_directory}: the scenarios folder is missing");
        }

        var scenarios = Directory.EnumerateFiles(_directory, "*" + Extension)
            .Order(StringComparer.Ordinal)
            .Select(path => ScenarioReader.ReadFile(path, $"scenarios/{Path.GetFileName(path)}"))
            .ToList();
        var duplicate = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ScenarioException($"{duplicate.ElementAt(1).Source}: name: '{duplicate.Key}' is already the name of {duplicate.First().Source}");
        }

        return scenarios;
    }
}
