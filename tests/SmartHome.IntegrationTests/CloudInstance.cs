using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using SmartHome.Cloud;

namespace SmartHome.IntegrationTests;

/// <summary>The cloud host in this process, on a free HTTP port, with its SQLite file in a temporary folder.</summary>
internal sealed class CloudInstance : IAsyncDisposable
{
    public const string AdminKey = "integration-admin-key-0123456789";
    private readonly WebApplication _app;
    private readonly string _dataPath;

    private CloudInstance(WebApplication app, string dataPath)
    {
        _app = app;
        _dataPath = dataPath;
        Address = new Uri(app.Urls.First());
    }

    public Uri Address { get; }

    public static async Task<CloudInstance> StartAsync(IDictionary<string, string?> settings)
    {
        var dataPath = Directory.CreateTempSubdirectory("shg-cloud-").FullName;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartHome:Cloud:AdminKey"] = AdminKey,
            ["SmartHome:Cloud:Storage:ConnectionString"] = $"Data Source={Path.Combine(dataPath, "cloud.db")}",
            ["SmartHome:Cloud:Delivery:AllowPrivateNetworks"] = "true",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCloud();
        var app = builder.Build();
        app.MapCloud();
        await app.StartAsync();
        return new CloudInstance(app, dataPath);
    }

    public HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public async Task<string> CreateHouseholdTokenAsync(string householdId)
    {
        using var admin = Client(AdminKey);
        using var response = await admin.PostAsync(new Uri($"api/v1/households/{householdId}/tokens", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenAnswer>())!.Token;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }

    private sealed record TokenAnswer(string Token);
}
