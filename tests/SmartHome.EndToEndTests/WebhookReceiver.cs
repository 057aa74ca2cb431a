using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using SmartHome.Testing;

namespace SmartHome.EndToEndTests;

/// <summary>A partner's webhook endpoint on loopback: agrees to the abuse-protection handshake and keeps every request.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private LoopbackHttpServer _server = null!;

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    public Uri Url => new(_server.BaseAddress, "/hooks/shg");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.Headers["WebHook-Allowed-Origin"] = context.Request.Headers["WebHook-Request-Origin"];
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        Requests.Enqueue(new ReceivedWebhook(
            context.Request.Headers["webhook-id"].ToString(),
            context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(),
            context.Request.ContentType,
            await reader.ReadToEndAsync()));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string? ContentType, string Body);
