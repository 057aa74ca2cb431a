using SmartHome.AllInOne;
using SmartHome.Hosting;

try
{
    await using var system = await AllInOneSystem.StartAsync(args);
    system.PrintWelcome(Console.Out);
    await system.WaitForShutdownAsync();
    return 0;
}
catch (Exception ex) when (StartupErrors.IsConfigurationError(ex))
{
    await Console.Error.WriteLineAsync(StartupErrors.Describe(ex));
    return 2;
}
