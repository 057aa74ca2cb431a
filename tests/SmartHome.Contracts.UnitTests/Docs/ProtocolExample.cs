using System.Text.RegularExpressions;

namespace SmartHome.Contracts.UnitTests.Docs;

/// <summary>A JSON example of docs/protocol.md, marked with <c>&lt;!-- example: {schema} --&gt;</c> on the line before its block.</summary>
internal sealed partial record ProtocolExample(string Schema, int Line, string Json)
{
    private static readonly Lazy<IReadOnlyList<ProtocolExample>> Examples = new(Read);

    public static IReadOnlyList<ProtocolExample> All => Examples.Value;

    public static ProtocolExample At(int line) => All.Single(e => e.Line == line);

    private static List<ProtocolExample> Read()
    {
        var text = File.ReadAllText(RepositoryFiles.ProtocolDocument).ReplaceLineEndings("\n");
        return [.. MarkedJsonBlock().Matches(text).Select(match => new ProtocolExample(
            match.Groups["schema"].Value,
            text[..match.Index].Count(c => c == '\n') + 1,
            match.Groups["json"].Value))];
    }

    [GeneratedRegex(@"<!-- example: (?<schema>[a-z0-9-]+) -->\n```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex MarkedJsonBlock();
}
