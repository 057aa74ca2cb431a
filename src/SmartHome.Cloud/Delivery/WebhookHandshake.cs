using Microsoft.Extensions.Options;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// The CloudEvents Webhook abuse-protection handshake: before we send events to an endpoint, it must answer an
/// <c>OPTIONS</c> request carrying <c>WebHook-Request-Origin</c> with a <c>WebHook-Allowed-Origin</c> naming us (or <c>*</c>).
/// </summary>
public sealed class WebhookHandshake(IHttpClientFactory httpClientFactory, IOptions<DeliveryOptions> options)
{
    public const string RequestOriginHeader = "WebHook-Request-Origin";
    public const string AllowedOriginHeader = "WebHook-Allowed-Origin";

    /// <summary>Null when the endpoint agreed to receive our events, else the reason it did not.</summary>
    public async Task<string?> ValidateAsync(Uri endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var origin = options.Value.Origin;
        using var request = new HttpRequestMessage(HttpMethod.Options, endpoint);
        request.Headers.TryAddWithoutValidation(RequestOriginHeader, origin);
        try
        {
            using var client = httpClientFactory.CreateClient(WebhookHttpClientExtensions.ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return $"the endpoint answered the validation request with {(int)response.StatusCode}";
            }

            if (!response.Headers.TryGetValues(AllowedOriginHeader, out var allowed))
            {
                return $"the endpoint did not answer with a {AllowedOriginHeader} header";
            }

            return allowed.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Any(v => v == "*" || string.Equals(v, origin, StringComparison.OrdinalIgnoreCase))
                ? null
                : $"the endpoint's {AllowedOriginHeader} does not name '{origin}'";
        }
        catch (HttpRequestException ex)
        {
            return $"the endpoint could not be reached: {ex.Message}";
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "the endpoint did not answer the validation request in time";
        }
    }
}
