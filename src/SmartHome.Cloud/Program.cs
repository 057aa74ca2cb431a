using SmartHome.Cloud;
using SmartHome.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCloud();

var app = builder.Build();
app.MapCloud();
return await StartupErrors.RunAsync(() => app.RunAsync());
