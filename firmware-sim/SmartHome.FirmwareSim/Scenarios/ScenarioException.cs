namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>A scenario that cannot be loaded or played; the message is one line naming the file and the field.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static ScenarioException At(string source, string field, string problem) => new($"{source}: {field}: {problem}");
}
