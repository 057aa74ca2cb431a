using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SmartHome.Cloud.Auth;
using SmartHome.Cloud.Options;
using SmartHome.Cloud.Storage;
using SmartHome.Contracts;

namespace SmartHome.Cloud.Broker;

/// <summary>
/// The embedded broker's rule for partner topics, the same as deploy/broker's Mosquitto ACL: a partner connects with
/// its id as username and its API key as password, and may read only <c>shg/v1/partners/{its id}/events</c> and
/// <c>…/notices</c> and write nothing; no other client may read or subscribe to a partner's topics, and only the core
/// writes to them.
/// </summary>
internal sealed class PartnerTopicAccess(PartnerStore partners, IOptions<BrokerOptions> options)
{
    private const string PartnerTopicsPrefix = "shg/v1/partners/";

    // By client id, as the broker's enqueue hook knows only that; set anew each time a client id connects.
    private readonly ConcurrentDictionary<string, string> partnerByClientId = new(StringComparer.Ordinal);

    /// <summary>Whether the client presented a partner's id and API key; it is then that partner until its client id connects again.</summary>
    public async Task<bool> AuthenticatePartnerAsync(string clientId, string? username, string? password, CancellationToken ct)
    {
        if (username is { Length: > 0 } && password is not null && password.StartsWith(ApiTokens.PartnerPrefix, StringComparison.Ordinal)
            && await partners.FindIdByApiKeyHashAsync(ApiTokens.Hash(password), ct) is { } partnerId
            && SecretComparison.AreEqual(partnerId, username))
        {
            partnerByClientId[clientId] = partnerId;
            return true;
        }

        partnerByClientId.TryRemove(clientId, out _);
        return false;
    }

    public bool MaySubscribe(string clientId, string filter) =>
        partnerByClientId.TryGetValue(clientId, out var partnerId)
            ? IsOwnTopic(partnerId, filter)
            : !CouldMatchPartnerTopic(filter, "events") && !CouldMatchPartnerTopic(filter, "notices");

    public bool MayPublish(string clientId, string topic) =>
        !partnerByClientId.ContainsKey(clientId)
        && (!topic.StartsWith(PartnerTopicsPrefix, StringComparison.Ordinal) || clientId == options.Value.ClientId);

    public bool MayReceive(string clientId, string topic) =>
        partnerByClientId.TryGetValue(clientId, out var partnerId)
            ? IsOwnTopic(partnerId, topic)
            : !topic.StartsWith(PartnerTopicsPrefix, StringComparison.Ordinal);

    private static bool IsOwnTopic(string partnerId, string topic) => topic == Topics.PartnerEvents(partnerId) || topic == Topics.PartnerNotices(partnerId);

    /// <summary>Whether some partner's topic of this kind matches the filter (<c>#</c>, <c>shg/#</c>, <c>shg/v1/+/+/+</c>, …).</summary>
    private static bool CouldMatchPartnerTopic(string filter, string kind)
    {
        string[] partnerTopic = ["shg", "v1", "partners", "+", kind];
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] == "#")
            {
                return true;
            }

            if (i >= partnerTopic.Length || (levels[i] != "+" && partnerTopic[i] != "+" && levels[i] != partnerTopic[i]))
            {
                return false;
            }
        }

        return levels.Length == partnerTopic.Length;
    }
}
