using System.Security.Cryptography;
using System.Text;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// Signs and verifies webhook requests per Standard Webhooks: <c>v1,</c> + base64 HMAC-SHA256 over
/// <c>{id}.{timestamp}.{body}</c>, keyed with the base64 secret that follows <c>whsec_</c>.
/// </summary>
public static class StandardWebhookSigner
{
    public const string SecretPrefix = "whsec_";
    private const string VersionPrefix = "v1,";
    private const int SecretBytes = 32;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Sign(string secret, string messageId, long timestampSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(body);
        return VersionPrefix + Convert.ToBase64String(Hash(KeyOf(secret), messageId, timestampSeconds, body));
    }

    /// <summary>The <c>webhook-signature</c> value for several secrets (a rotation's overlap): one entry per secret, space-separated.</summary>
    public static string Sign(IEnumerable<string> secrets, string messageId, long timestampSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return string.Join(' ', secrets.Select(secret => Sign(secret, messageId, timestampSeconds, body)));
    }

    /// <summary>True when any of the space-separated signatures in <paramref name="signatureHeader"/> is valid.</summary>
    public static bool Verify(string secret, string messageId, long timestampSeconds, string body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Hash(KeyOf(secret), messageId, timestampSeconds, body);
        Span<byte> candidate = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var part in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && Convert.TryFromBase64String(part[VersionPrefix.Length..], candidate, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(candidate, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        return Convert.FromBase64String(encoded);
    }

    private static byte[] Hash(byte[] key, string messageId, long timestampSeconds, string body) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestampSeconds}.{body}"));
}
