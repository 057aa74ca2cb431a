namespace SmartHome.Testing;

/// <summary>The <c>dotnet</c> executable, for starting built applications as processes.</summary>
public static class DotnetHost
{
    /// <summary>The host `dotnet test` and `dotnet run` name in DOTNET_HOST_PATH, else the one on PATH.</summary>
    public static string Path => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
