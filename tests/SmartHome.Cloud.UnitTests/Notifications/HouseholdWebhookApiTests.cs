using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.Cloud.UnitTests.Hosting;
using SmartHome.Testing;
using static SmartHome.Cloud.UnitTests.Notifications.HouseholdWebhookSteps;

namespace SmartHome.Cloud.UnitTests.Notifications;

/// <summary><c>/api/v1/household/notification-webhook</c>: setting it up, what is shown of it, and the test send.</summary>
public class HouseholdWebhookApiTests
{
    [Fact]
    public async Task Get_NoWebhook_Returns404Problem()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = await HouseholderAsync(sut);

        using var response = await householder.GetAsync(WebhookPath);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PutThenGet_ShowsTheWebhookAndWhetherATokenIsSet_NeverTheToken()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = await HouseholderAsync(sut);
        using var otherHousehold = sut.Client(await sut.CreateHouseholderTokenAsync("home-other"));
        const string token = "tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2";

        using var put = await householder.PutAsJsonAsync(WebhookPath, new { url = "http://127.0.0.1:9/my-fridge", format = "ntfy", token });
        using var get = await householder.GetAsync(WebhookPath);
        using var ofOther = await otherHousehold.GetAsync(WebhookPath);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var putText = await put.Content.ReadAsStringAsync();
        var getText = await get.Content.ReadAsStringAsync();
        Assert.Equal(putText, getText);
        Assert.DoesNotContain(token, getText, StringComparison.Ordinal);
        var view = JsonDocument.Parse(getText).RootElement;
        Assert.Equal("http://127.0.0.1:9/my-fridge", view.GetProperty("url").GetString());
        Assert.Equal("ntfy", view.GetProperty("format").GetString());
        Assert.True(view.GetProperty("tokenSet").GetBoolean());
        Assert.Equal("active", view.GetProperty("status").GetString());
        Assert.False(view.TryGetProperty("secret", out _));
        Assert.Equal(HttpStatusCode.NotFound, ofOther.StatusCode);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"format":"ntfy"}""", "url" },
        { """{"url":"/relative","format":"ntfy"}""", "url" },
        { """{"url":"ftp://ntfy.example/x","format":"ntfy"}""", "url" },
        { $$"""{"url":"http://127.0.0.1:9/{{new string('a', 2048)}}","format":"ntfy"}""", "url" },
        { """{"url":"http://127.0.0.1:9/x","format":"slack"}""", "format" },
        { """{"url":"http://127.0.0.1:9/x"}""", "format" },
        { """{"url":"http://127.0.0.1:9","format":"gotify"}""", "token" },
        { $$"""{"url":"http://127.0.0.1:9/x","format":"ntfy","token":"{{new string('t', 513)}}"}""", "token" },
        { """{"url":"http://127.0.0.1:9/x","format":"ntfy","token":"a\r\nX-Injected: 1"}""", "token" },
        { """{"url":"http://127.0.0.1:9/api/webhook/abc","format":"homeassistant","token":"abc"}""", "token" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Put_InvalidBody_Returns400NamingTheField(string body, string field)
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = await HouseholderAsync(sut);

        using var response = await householder.PutAsync(WebhookPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        using var get = await householder.GetAsync(WebhookPath);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Test_EndpointAccepts_Returns200WithItsStatus()
    {
        await using var receiver = await WebhookReceiver.StartAsync(() => 200);
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = await HouseholderAsync(sut);
        await PutWebhookAsync(householder, new { url = new Uri(receiver.Url, "/api/webhook/abc"), format = "homeassistant" });

        using var response = await householder.PostAsync(WebhookPath + "/test", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"delivered":true,"statusCode":200}""", await response.Content.ReadAsStringAsync());
        var received = Assert.Single(receiver.Received);
        Assert.Equal("shg.notification.test", JsonDocument.Parse(received.Body).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Test_EndpointAnswers404_Returns502NamingTheAnswer()
    {
        await using var receiver = await WebhookReceiver.StartAsync(() => 404);
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = await HouseholderAsync(sut);
        await PutWebhookAsync(householder, new { url = receiver.Url, format = "ntfy" });

        using var response = await householder.PostAsync(WebhookPath + "/test", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("the endpoint answered 404 Not Found", problem.GetProperty("detail").GetString());
        Assert.Equal(404, problem.GetProperty("endpointStatusCode").GetInt32());
    }

    [Fact]
    public async Task Test_EndpointRefusesConnections_Returns502()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = await HouseholderAsync(sut);
        await PutWebhookAsync(householder, new { url = $"http://127.0.0.1:{FreePort.Next()}/topic", format = "ntfy" });

        using var response = await householder.PostAsync(WebhookPath + "/test", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("the endpoint could not be reached", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_EndpointDoesNotAnswerInTime_Returns504()
    {
        await using var receiver = await WebhookReceiver.StartAsync(() => new WebhookAnswer(200, Hang: true));
        await using var sut = await CloudTestHost.StartAsync(settings => settings["SmartHome:Cloud:Delivery:ResponseTimeout"] = "00:00:01");
        using var householder = await HouseholderAsync(sut);
        await PutWebhookAsync(householder, new { url = receiver.Url, format = "json" });

        using var response = await householder.PostAsync(WebhookPath + "/test", null);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("the endpoint did not answer within the response timeout", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_NoWebhook_Returns404()
    {
        await using var sut = await CloudTestHost.StartAsync();
        using var householder = await HouseholderAsync(sut);

        using var response = await householder.PostAsync(WebhookPath + "/test", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
