using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using SmartHome.Testing;

namespace SmartHome.Cloud.UnitTests.Hosting;

/// <summary>
/// A partner's webhook endpoint on a free loopback port: passes the handshake (unless <see cref="RefuseHandshake"/>),
/// records each POST, answers with the status (and headers) its answer function gives, or never (<see cref="WebhookAnswer.Hang"/>).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly Func<WebhookAnswer> nextAnswer;
    private readonly Lock answering = new();

    private WebhookReceiver(LoopbackHttpServer server, Func<WebhookAnswer> nextAnswer)
    {
        this.server = server;
        this.nextAnswer = nextAnswer;
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url => new(server.BaseAddress, "/hooks/shg");

    /// <summary>When set, the handshake's <c>OPTIONS</c> gets a 403 without <c>WebHook-Allowed-Origin</c>.</summary>
    public bool RefuseHandshake { get; set; }

    public static Task<WebhookReceiver> StartAsync(Func<int>? nextStatus = null) =>
        StartAsync(nextStatus is null ? () => new WebhookAnswer(StatusCodes.Status204NoContent) : () => new WebhookAnswer(nextStatus()));

    public static async Task<WebhookReceiver> StartAsync(Func<WebhookAnswer> nextAnswer)
    {
        WebhookReceiver? receiver = null;
        var server = await LoopbackHttpServer.StartAsync(async context => await receiver!.HandleAsync(context));
        receiver = new WebhookReceiver(server, nextAnswer);
        return receiver;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            if (RefuseHandshake)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Headers["WebHook-Allowed-Origin"] = context.Request.Headers["WebHook-Request-Origin"];
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        WebhookAnswer answer;
        // Answered and recorded in one step: with requests in parallel, Received is in the order the answers were given.
        lock (answering)
        {
            answer = nextAnswer();
            Received.Enqueue(new ReceivedWebhook(
                context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(),
                context.Request.Headers["webhook-signature"].ToString(),
                context.Request.ContentType,
                body,
                answer.Status)
            {
                Method = context.Request.Method,
                PathAndQuery = context.Request.Path + context.Request.QueryString,
                Headers = headers,
            });
        }

        if (answer.Hang)
        {
            // Until the sender gives up (its response timeout) or the server stops.
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
    }
}

/// <summary>How the receiver answers one POST: a status, optional headers (e.g. <c>Retry-After</c>, <c>Location</c>), or no answer at all.</summary>
internal sealed record WebhookAnswer(int Status, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false);

internal sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string? ContentType, string Body, int AnsweredStatus)
{
    public string Method { get; init; } = "POST";

    public string PathAndQuery { get; init; } = string.Empty;

    /// <summary>Every request header, by name (ignoring case).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
