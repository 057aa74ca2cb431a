using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SmartHome.AllInOne;

namespace SmartHome.EndToEndTests;

/// <summary>The cloud's HTTP API as the tests call it: a client per bearer, and POSTs that must answer 201.</summary>
internal static class CloudApi
{
    public static HttpClient Client(AllInOneSystem system, string bearer)
    {
        var client = new HttpClient { BaseAddress = system.CloudAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
