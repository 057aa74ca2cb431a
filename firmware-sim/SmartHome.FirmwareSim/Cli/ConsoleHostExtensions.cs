using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartHome.FirmwareSim.Mqtt;

namespace SmartHome.FirmwareSim.Cli;

internal static class ConsoleHostExtensions
{
    /// <summary>Single-line logs, progress lines with a closing summary, and the optional time limit.</summary>
    public static IHostApplicationBuilder AddSimulatorConsole(this IHostApplicationBuilder builder, TimeSpan? duration)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        builder.Services.AddHostedService(services => new ConsoleProgressReporter(
            services.GetRequiredService<SimulatorStatistics>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IHostApplicationLifetime>(),
            Console.Out));

        if (duration is { } limit)
        {
            builder.Services.AddHostedService(services => new RunDurationLimit(
                limit, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IHostApplicationLifetime>()));
        }

        return builder;
    }
}
