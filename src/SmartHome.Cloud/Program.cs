using SmartHome.Cloud;
using SmartHome.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCloud();

var app = builder.Build();
app.MapCloud();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupErrors.IsConfigurationError(ex))
{
    await Console.Error.WriteLineAsync(StartupErrors.Describe(ex));
    return 2;
}
