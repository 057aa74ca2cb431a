using System.Collections.Concurrent;
using NJsonSchema;

namespace SmartHome.Contracts.UnitTests.Docs;

/// <summary>The JSON Schemas of docs/schemas, loaded once each, with their cross-file references resolved.</summary>
internal static class Schemas
{
    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Loaded = new();

    public static IEnumerable<string> Names => Directory.EnumerateFiles(RepositoryFiles.SchemasDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>();

    /// <summary>The schema's complaints about <paramref name="json"/>, one line each; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string schemaName, string json)
    {
        var schema = await Loaded.GetOrAdd(schemaName, name => JsonSchema.FromFileAsync(RepositoryFiles.Schema(name)));
        return [.. schema.Validate(json).Select(Describe)];
    }

    private static string Describe(NJsonSchema.Validation.ValidationError error) => error switch
    {
        NJsonSchema.Validation.ChildSchemaValidationError child =>
            $"{error.Kind} at {error.Path}: {string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe))}",
        _ => $"{error.Kind} at {error.Path}",
    };
}
