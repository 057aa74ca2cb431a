using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// POSTs one CloudEvent to a webhook, signed per Standard Webhooks, through the guarded "webhooks" client. The status
/// decides the attempt (see <see cref="Classify"/>); at most <see cref="DeliveryOptions.MaxResponseBytes"/> of the answer's body are read and
/// discarded, so a connection that answered briefly can be reused and a long answer costs no more than that.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory httpClientFactory, IOptionsMonitor<DeliveryOptions> options, TimeProvider time)
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public async Task<AttemptResult> SendAsync(Uri url, IReadOnlyList<string> secrets, string eventId, string body, CancellationToken ct)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(NeedEventCloudEventWriter.ContentType);
        request.Headers.Add(IdHeader, eventId);
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, StandardWebhookSigner.Sign(secrets, eventId, timestamp, body));
        return await SendAsync(request, WebhookHttpClientExtensions.ClientName, Classify, ct);
    }

    /// <summary>
    /// Sends a request the caller built through the guarded client named <paramref name="clientName"/>;
    /// <paramref name="classify"/> decides the attempt from the answer. An endpoint that cannot be reached or does not
    /// answer in time fails the attempt (<see cref="AttemptResult.TimedOut"/> tells the two apart).
    /// </summary>
    internal async Task<AttemptResult> SendAsync(
        HttpRequestMessage request, string clientName, Func<HttpResponseMessage, AttemptResult> classify, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(classify);
        try
        {
            using var client = httpClientFactory.CreateClient(clientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            await DiscardBodyAsync(response.Content, ct);
            return classify(response);
        }
        catch (HttpRequestException ex)
        {
            return AttemptResult.Failed(null, $"the endpoint could not be reached: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return AttemptResult.Failed(null, $"the endpoint did not answer within the response timeout ({options.CurrentValue.ResponseTimeout})") with
            {
                TimedOut = true,
            };
        }
    }

    /// <summary>
    /// 2xx delivers; 3xx fails (the client follows no redirects); 410 is gone; 429 and 503 with a <c>Retry-After</c> are
    /// throttled until the time it names; everything else fails.
    /// </summary>
    private AttemptResult Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var answered = $"the endpoint answered {status} {response.ReasonPhrase}".TrimEnd();
        return status switch
        {
            >= 200 and < 300 => AttemptResult.Succeeded(status),
            >= 300 and < 400 => AttemptResult.Failed(status, answered + ": redirects are not followed"),
            410 => new AttemptResult(AttemptOutcomes.Gone, status, answered + ": the subscription is disabled"),
            429 or 503 when RetryAt(response) is { } at =>
                new AttemptResult(AttemptOutcomes.Throttled, status, $"{answered}, asking to retry after {at:O}", at),
            _ => AttemptResult.Failed(status, answered),
        };
    }

    private DateTimeOffset? RetryAt(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => time.GetUtcNow() + delta,
        { Date: { } date } => date,
        _ => null,
    };

    private async Task DiscardBodyAsync(HttpContent content, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.ResponseTimeout);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var body = await content.ReadAsStreamAsync(timeout.Token);
            for (var left = settings.MaxResponseBytes; left > 0;)
            {
                var read = await body.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)), timeout.Token);
                if (read == 0)
                {
                    return;
                }

                left -= read;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // The status has already decided the attempt; a body cut short or too slow changes nothing.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>
/// How one delivery attempt went: its <see cref="AttemptOutcomes">outcome</see>, the status code (if any), the reason when
/// it was not delivered, and for a throttled attempt when the endpoint asked to be tried again.
/// </summary>
internal readonly record struct AttemptResult(string Outcome, int? StatusCode, string? Error, DateTimeOffset? RetryAt = null)
{
    public bool IsSuccess => Outcome == AttemptOutcomes.Delivered;

    /// <summary>The endpoint did not answer within the response timeout.</summary>
    public bool TimedOut { get; init; }

    public static AttemptResult Succeeded(int? statusCode) => new(AttemptOutcomes.Delivered, statusCode, null);

    public static AttemptResult Failed(int? statusCode, string error) => new(AttemptOutcomes.Failed, statusCode, error);
}
