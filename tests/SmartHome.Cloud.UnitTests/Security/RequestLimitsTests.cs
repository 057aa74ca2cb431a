using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Cloud.UnitTests.Outbox;
using SmartHome.Contracts.Events;
using SmartHome.Contracts.Serialization;

namespace SmartHome.Cloud.UnitTests.Security;

public class RequestLimitsTests
{
    /// <summary>The API on real Kestrel (the test server enforces no body limit), on a free loopback port.</summary>
    private static async Task<(WebApplication App, HttpClient Client)> StartOnKestrelAsync(string databasePath)
    {
        var settings = CloudTestHost.DefaultSettings(databasePath);
        settings["urls"] = "http://127.0.0.1:0";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddCloud();
        var app = builder.Build();
        app.MapCloud();
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CloudTestHost.AdminKey);
        return (app, client);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_BodyOverTheLimit_Gets413Problem(bool withContentLength)
    {
        var databasePath = CloudTestHost.NewDatabasePath();
        var (app, client) = await StartOnKestrelAsync(databasePath);
        try
        {
            var tooLarge = JsonSerializer.Serialize(new { name = new string('n', CloudHostExtensions.MaxRequestBodyBytes), kind = "grocery" });
            using var content = new StringContent(tooLarge, Encoding.UTF8, "application/json");
            if (!withContentLength)
            {
                await content.LoadIntoBufferAsync();
                content.Headers.ContentLength = null;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/partners") { Content = content };
            request.Headers.TransferEncodingChunked = !withContentLength;
            using var response = await client.SendAsync(request);
            using var justUnder = await client.PostAsync(
                "/api/v1/partners",
                new StringContent(JsonSerializer.Serialize(new { name = new string('n', CloudHostExtensions.MaxRequestBodyBytes - 100), kind = "grocery" }), Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.BadRequest, justUnder.StatusCode);
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            CloudTestHost.DeleteDatabase(databasePath);
        }
    }

    [Fact]
    public async Task Delivery_EventOverMaxEventBytes_IsDeadAtOnceWithTheReasonAndNothingIsSent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sut = await CloudTestHost.StartAsync(settings => settings["SmartHome:Cloud:Delivery:MaxEventBytes"] = "2048");
        var partner = await SubscribedPartner.CreateAsync(sut, receiver.Url);
        await WebhookDeliveryTests.ConsentAsync(sut, partner.PartnerId, "shg.stock.*");
        var small = TestEvents.StockLow(WebhookDeliveryTests.HouseholdId);
        var large = TestEvents.StockLow(WebhookDeliveryTests.HouseholdId) with
        {
            Subject = "items/cream-1",
            Data = JsonSerializer.SerializeToElement(
                new StockLowData { Name = new string('m', 3000), Category = "dairy", Quantity = 0, MinimumQuantity = 1 },
                ContractsJsonContext.Default.StockLowData),
        };

        await WebhookDeliveryTests.RaiseAsync(sut, large);
        await WebhookDeliveryTests.RaiseAsync(sut, small);

        var dead = await WebhookDeliveryTests.AssertDeliveryAsync(sut, partner.ApiKey, "dead", attempts: 0);
        await WebhookDeliveryTests.AssertDeliveryAsync(sut, partner.ApiKey, "delivered", attempts: 1);
        Assert.StartsWith("the event is ", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("bytes, more than SmartHome:Cloud:Delivery:MaxEventBytes (2048)", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Received, r => r.Body.Contains("mmmm", StringComparison.Ordinal));
        Assert.Single(receiver.Received);
    }
}
