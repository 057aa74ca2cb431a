using SmartHome.AllInOne;

await using var system = await AllInOneSystem.StartAsync(args);
system.PrintWelcome(Console.Out);
await system.WaitForShutdownAsync();
