using SmartHome.Gateway;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.MapGatewayHealth();
app.Run();
