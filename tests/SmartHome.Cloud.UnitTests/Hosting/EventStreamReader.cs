using System.Collections.Concurrent;

namespace SmartHome.Cloud.UnitTests.Hosting;

/// <summary>Reads a server-sent event stream in the background, line by line, as the dashboard's fetch() does.</summary>
internal sealed class EventStreamReader : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;
    private volatile bool ended;

    private EventStreamReader(HttpResponseMessage response)
    {
        Response = response;
        reading = ReadAsync();
    }

    public HttpResponseMessage Response { get; }

    /// <summary>True once the server ended the stream.</summary>
    public bool Ended => ended;

    public IReadOnlyList<string> Lines => [.. lines];

    /// <summary>The complete events so far (those a blank line ended), in order.</summary>
    public IReadOnlyList<ServerSentEvent> Events
    {
        get
        {
            var events = new List<ServerSentEvent>();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                if (line.Length == 0)
                {
                    if (fields.Count > 0)
                    {
                        events.Add(new(fields.GetValueOrDefault("id"), fields.GetValueOrDefault("event"), fields.GetValueOrDefault("data")));
                    }

                    fields.Clear();
                }
                else if (!line.StartsWith(':'))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    fields[line[..colon]] = line[(colon + 1)..].TrimStart(' ');
                }
            }

            return events;
        }
    }

    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/household/notifications/stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return new EventStreamReader(await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        Response.Dispose();
        try
        {
            await reading;
        }
        catch (OperationCanceledException)
        {
            // Stopped reading.
        }

        stop.Dispose();
    }

    private async Task ReadAsync()
    {
        if (!Response.IsSuccessStatusCode)
        {
            ended = true;
            return;
        }

        try
        {
            using var reader = new StreamReader(await Response.Content.ReadAsStreamAsync(stop.Token));
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                lines.Enqueue(line);
            }
        }
        catch (IOException)
        {
            // The connection went away.
        }
        finally
        {
            ended = true;
        }
    }
}

internal sealed record ServerSentEvent(string? Id, string? Event, string? Data);
