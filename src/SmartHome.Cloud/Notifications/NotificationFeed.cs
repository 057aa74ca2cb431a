using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Notifications;

/// <summary>
/// A household's notifications as server-sent events, as they are stored (quiet hours hold back only the push
/// channels): <c>id</c> is the store's cursor, so a client that reconnects with <c>Last-Event-ID</c> gets what it
/// missed. Woken at once by this process's commits, and by polling for other replicas'; a comment every
/// <see cref="NotificationStreamOptions.KeepAlive"/>. Ends when the client goes away or the host stops.
/// </summary>
internal sealed class NotificationFeed(
    NotificationStore store,
    OutboxSignals signals,
    IOptions<NotificationStreamOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<NotificationFeed> logger)
{
    public const string ContentType = "text/event-stream";
    private const int BatchSize = 100;
    private const string KeepAliveComment = ": keep-alive\n\n";

    /// <param name="context">The request to answer.</param>
    /// <param name="householdId">Whose notifications.</param>
    /// <param name="lastEventId">The cursor the client saw last; null sends only notifications newer than the newest now.</param>
    public async Task StreamAsync(HttpContext context, string householdId, long? lastEventId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        var response = context.Response;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        try
        {
            var cursor = lastEventId ?? await store.LatestCursorAsync(householdId, ct);
            await response.Body.FlushAsync(ct);
            var keepAliveAt = time.GetUtcNow() + settings.KeepAlive;
            while (true)
            {
                var stored = signals.NotificationsStored.Next;
                cursor = await SendNewAsync(response, householdId, cursor, ct);
                var now = time.GetUtcNow();
                if (now >= keepAliveAt)
                {
                    await response.WriteAsync(KeepAliveComment, ct);
                    await response.Body.FlushAsync(ct);
                    keepAliveAt = now + settings.KeepAlive;
                }

                var wait = keepAliveAt - now < settings.PollInterval ? keepAliveAt - now : settings.PollInterval;
                try
                {
                    await stored.WaitAsync(wait, time, ct);
                }
                catch (TimeoutException)
                {
                    // Poll: another replica may have stored some.
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away, or the host is stopping: the stream ends; a client comes back with Last-Event-ID.
        }
    }

    private async Task<long> SendNewAsync(HttpResponse response, string householdId, long cursor, CancellationToken ct)
    {
        IReadOnlyList<StoredNotification> batch;
        do
        {
            try
            {
                batch = await store.ListAfterAsync(householdId, cursor, BatchSize, ct);
            }
            catch (DbException ex)
            {
                Log.StreamStoreUnavailable(logger, householdId, ex);
                return cursor;
            }

            foreach (var notification in batch)
            {
                await response.WriteAsync(
                    string.Create(CultureInfo.InvariantCulture, $"id: {notification.Cursor}\nevent: notification\ndata: {notification.Json}\n\n"), ct);
                await response.Body.FlushAsync(ct);
                cursor = notification.Cursor;
            }
        }
        while (batch.Count == BatchSize);

        return cursor;
    }
}
