using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmartHome.Hosting;

/// <summary>Turns a start-up failure caused by configuration into one line that names the keys, for hosts to print.</summary>
public static partial class StartupErrors
{
    private const string KeyPrefix = "SmartHome:";

    public const int ConfigurationErrorExitCode = 2;

    public static bool IsConfigurationError(Exception exception) => Failures(exception).Any();

    /// <summary>Runs a host to its end; a configuration error ends it with one line on standard error and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await run();
            return 0;
        }
        catch (Exception ex) when (IsConfigurationError(ex))
        {
            await Console.Error.WriteLineAsync(Describe(ex));
            return ConfigurationErrorExitCode;
        }
    }

    /// <summary>Every configuration failure, e.g. "SmartHome:Cloud:AdminKey is required: …", joined on one line.</summary>
    public static string Describe(Exception exception) => "Configuration error: " + string.Join("; ", Failures(exception).Select(WithoutMemberName));

    private static IEnumerable<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Failures),
        InvalidOperationException conversion when BinderConversionFailure().Match(conversion.Message) is { Success: true } match =>
            [$"{match.Groups["key"].Value} must be {Expected(match.Groups["type"].Value)}"],
        { InnerException: { } inner } => Failures(inner),
        _ => [],
    };

    // The configuration binder's message; the value itself is left out of the line, since it may be a secret.
    [GeneratedRegex("^Failed to convert configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderConversionFailure();

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt16" or "System.UInt32" or "System.UInt64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a time span such as 00:00:30",
        _ => "a valid " + type[(type.LastIndexOf('.') + 1)..],
    };

    // Generated validators write "AdminKey: <message>"; our messages already name the full key.
    private static string WithoutMemberName(string failure) =>
        failure.IndexOf(": " + KeyPrefix, StringComparison.Ordinal) is var at and > 0 && !failure[..at].Contains(' ', StringComparison.Ordinal)
            ? failure[(at + 2)..]
            : failure;
}
