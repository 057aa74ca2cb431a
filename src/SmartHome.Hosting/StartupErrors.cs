using Microsoft.Extensions.Options;

namespace SmartHome.Hosting;

/// <summary>Turns a start-up failure caused by configuration into one line that names the keys, for hosts to print.</summary>
public static class StartupErrors
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
        _ => [],
    };

    // Generated validators write "AdminKey: <message>"; our messages already name the full key.
    private static string WithoutMemberName(string failure) =>
        failure.IndexOf(": " + KeyPrefix, StringComparison.Ordinal) is var at and > 0 && !failure[..at].Contains(' ', StringComparison.Ordinal)
            ? failure[(at + 2)..]
            : failure;
}
