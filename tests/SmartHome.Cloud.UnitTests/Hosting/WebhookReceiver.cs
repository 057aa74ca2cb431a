using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Hosting;

/// <summary>A partner's webhook endpoint on a free loopback port: passes the handshake, records each POST, answers with <see cref="NextStatus"/>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly Func<int> nextStatus;

    private WebhookReceiver(LoopbackHttpServer server, Func<int> nextStatus)
    {
        this.server = server;
        this.nextStatus = nextStatus;
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url => new(server.BaseAddress, "/hooks/shg");

    private int NextStatus() => nextStatus();

    public static async Task<WebhookReceiver> StartAsync(Func<int>? nextStatus = null)
    {
        WebhookReceiver? receiver = null;
        var server = await LoopbackHttpServer.StartAsync(async context => await receiver!.HandleAsync(context));
        receiver = new WebhookReceiver(server, nextStatus ?? (() => StatusCodes.Status204NoContent));
        return receiver;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            context.Response.Headers["WebHook-Allowed-Origin"] = context.Request.Headers["WebHook-Request-Origin"];
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var status = NextStatus();
        Received.Enqueue(new ReceivedWebhook(
            context.Request.Headers["webhook-id"].ToString(),
            context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(),
            context.Request.ContentType,
            body,
            status));
        context.Response.StatusCode = status;
    }
}

internal sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string? ContentType, string Body, int AnsweredStatus);
