using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// POSTs one CloudEvent to a webhook, signed per Standard Webhooks, through the guarded "webhooks" client. The status
/// decides the attempt; at most <see cref="DeliveryOptions.MaxResponseBytes"/> of the answer's body are read and
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
        try
        {
            using var client = httpClientFactory.CreateClient(WebhookHttpClientExtensions.ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            await DiscardBodyAsync(response.Content, ct);
            return response.IsSuccessStatusCode
                ? AttemptResult.Succeeded(status)
                : AttemptResult.Failed(status, $"the endpoint answered {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            return AttemptResult.Failed(null, $"the endpoint could not be reached: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return AttemptResult.Failed(null, "the endpoint did not answer in time");
        }
    }

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

/// <summary>How one delivery attempt went: success, or the failure's status code (if any) and reason.</summary>
internal readonly record struct AttemptResult(bool IsSuccess, int? StatusCode, string? Error)
{
    public static AttemptResult Succeeded(int? statusCode) => new(true, statusCode, null);

    public static AttemptResult Failed(int? statusCode, string error) => new(false, statusCode, error);
}
