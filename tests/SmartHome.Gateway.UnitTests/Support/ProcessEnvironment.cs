namespace SmartHome.Gateway.UnitTests.Support;

/// <summary>
/// Sets environment variables of this process until disposed, for code that reads them where configuration cannot
/// reach (the systemd library reads <c>NOTIFY_SOCKET</c> itself). Use only in <see cref="ProcessEnvironmentTests"/>.
/// </summary>
internal sealed class ProcessEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _previous = [];

    public ProcessEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

/// <summary>Tests that change the process's environment run alone, so no other test sees the change.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    public const string Name = "changes the process environment";
}
