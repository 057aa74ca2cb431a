using System.Collections.Concurrent;
using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Storage;

/// <summary>
/// The last twin this process stored per household, with its version and JSON, so the next change of a busy
/// household skips reading and parsing it (the larger part of an envelope's cost for thousands of items). A change
/// takes its entry out while it works on the twin and puts it back only once committed, so a failed or rolled-back
/// change never leaves a half-changed twin behind, and a version written by another replica makes it load afresh.
/// </summary>
internal sealed class TwinCache
{
    /// <summary>Beyond this many households the cache stops adding, rather than holding every twin in memory.</summary>
    public const int MaxHouseholds = 1_000;

    private readonly ConcurrentDictionary<string, CachedTwin> entries = new(StringComparer.Ordinal);

    /// <summary>Takes the household's twin out if the cache holds <paramref name="version"/>; a stale entry is dropped.</summary>
    public CachedTwin? Take(string householdId, long version) =>
        entries.TryRemove(householdId, out var cached) && cached.Version == version ? cached : null;

    public void Put(string householdId, CachedTwin twin)
    {
        if (entries.Count < MaxHouseholds || entries.ContainsKey(householdId))
        {
            entries[householdId] = twin;
        }
    }
}

internal sealed record CachedTwin(HouseholdTwin Twin, long Version, string Json);
