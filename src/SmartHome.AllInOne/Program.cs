using SmartHome.AllInOne;
using SmartHome.Hosting;

return await StartupErrors.RunAsync(async () =>
{
    await using var system = await AllInOneSystem.StartAsync(args);
    system.PrintWelcome(Console.Out);
    await system.WaitForShutdownAsync();
});
