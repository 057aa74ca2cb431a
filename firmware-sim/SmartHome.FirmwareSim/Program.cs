using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SmartHome.FirmwareSim.Appliances.Fridge;
using SmartHome.FirmwareSim.Cli;

var command = CommandLine.Parse(args);
if (command is FleetCommand fleet)
{
    return await FleetConsole.RunAsync(fleet, TimeProvider.System, Console.Out);
}

if (command is ScenarioCommand scenario)
{
    return await ScenarioConsole.RunAsync(scenario, TimeProvider.System, Console.Out);
}

if (command is not RunCommand run)
{
    return ConsoleRunner.Print(command, Console.Out, Console.Error);
}

var builder = Host.CreateApplicationBuilder(run.HostArguments);
builder.Configuration.AddInMemoryCollection(run.Settings);
builder.AddFridgeSimulator();
builder.AddSimulatorConsole(run.Duration);
return await ConsoleRunner.RunAsync(builder.Build(), Console.Error);
