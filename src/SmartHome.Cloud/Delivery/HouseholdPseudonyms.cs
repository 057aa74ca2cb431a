using System.Security.Cryptography;
using System.Text;
using SmartHome.Cloud.Storage;

namespace SmartHome.Cloud.Delivery;

/// <summary>
/// The <c>householdRef</c> a partner sees instead of the household id: HMAC-SHA256 of <c>{partnerId}:{householdId}</c>
/// under a server secret kept in the store, as 20 hex characters (80 bits). Stable for one partner, unrelated across
/// partners, so partners cannot join their data on households, and not reversible without the secret. The subjects of
/// events are pseudonymised the same way.
/// </summary>
internal sealed class HouseholdPseudonyms(ServerSecretStore secrets)
{
    public const string SecretName = "household-ref-key";
    public const int Length = 20;

    private Task<byte[]>? key;

    public Task<string> ForPartnerAsync(string partnerId, string householdId, CancellationToken ct) =>
        PseudonymAsync($"{partnerId}:{householdId}", ct);

    /// <summary>
    /// The CloudEvent <c>subject</c> a partner sees: the subject's kind (<c>items</c>, <c>appliances</c>, <c>gateways</c>,
    /// <c>stock</c>) and a pseudonym of the whole subject under partner and household, so the household's own item,
    /// appliance and gateway ids stay at home while each subject keeps one reference a partner can group and order by.
    /// </summary>
    public async Task<string> SubjectForPartnerAsync(string partnerId, string householdId, string subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var slash = subject.IndexOf('/', StringComparison.Ordinal);
        return $"{(slash > 0 ? subject[..slash] : "subjects")}/{await PseudonymAsync($"{partnerId}:{householdId}:{subject}", ct)}";
    }

    private async Task<string> PseudonymAsync(string name, CancellationToken ct)
    {
        var hash = HMACSHA256.HashData(await KeyAsync(ct), Encoding.UTF8.GetBytes(name));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    private Task<byte[]> KeyAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref key);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            // Loading is idempotent (get or create), so a race only loads twice; a failed load is tried again next time.
            var loading = secrets.GetOrCreateAsync(SecretName, CancellationToken.None);
            current = Interlocked.CompareExchange(ref key, loading, current) == current ? loading : Volatile.Read(ref key)!;
        }

        return current.WaitAsync(ct);
    }
}
