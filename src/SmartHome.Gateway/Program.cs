using SmartHome.Gateway;
using SmartHome.Hosting;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.MapGatewayHealth();
return await StartupErrors.RunAsync(() => app.RunAsync());
