using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SmartHome.FirmwareSim.Cli;

/// <summary>Exit codes: 0 done, 1 a setting is invalid, 2 the command line is wrong.</summary>
internal static class ConsoleRunner
{
    public static int Print(CliCommand command, TextWriter output, TextWriter error)
    {
        if (command is InvalidCommand invalid)
        {
            error.WriteLine($"error: {invalid.Error}");
            error.WriteLine("Run with --help to see the options.");
            return 2;
        }

        output.WriteLine(Usage.Text);
        return 0;
    }

    public static async Task<int> RunAsync(IHost host, TextWriter error)
    {
        try
        {
            // Checked before the host starts, so a bad setting reads as one line rather than a hosting failure with a stack trace.
            host.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"error: invalid setting: {ex.Message}");
            host.Dispose();
            return 1;
        }

        await host.RunAsync();
        return 0;
    }
}
