using SmartHome.Gateway;
using SmartHome.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.MapGatewayHealth();

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
