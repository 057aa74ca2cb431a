using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartHome.Cloud.Core.Events;
using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Core.Rules;

/// <summary>One pass of the rules over one household: what they read, and the events they raise.</summary>
internal sealed class RuleContext(HouseholdTwin twin, CoreOptions options)
{
    private readonly List<NeedEvent> _raised = [];

    public HouseholdTwin Twin => twin;
    public CoreOptions Options => options;
    public TimeZoneInfo TimeZone { get; } = twin.Settings.ResolveTimeZone();
    public IReadOnlyList<NeedEvent> Raised => _raised;

    /// <summary>
    /// Raises an event whose id is derived from the situation: <paramref name="occurrence"/> tells this situation
    /// from earlier ones about the same subject (see <see cref="NeedEventIds"/>).
    /// </summary>
    public void Raise<TData>(string type, string? subject, string occurrence, DateTimeOffset time, TData data, JsonTypeInfo<TData> dataType) =>
        _raised.Add(new NeedEvent
        {
            Id = NeedEventIds.For(twin.HouseholdId, type, subject ?? string.Empty, occurrence),
            Type = type,
            HouseholdId = twin.HouseholdId,
            Subject = subject,
            Time = time,
            Data = JsonSerializer.SerializeToElement(data, dataType),
        });
}
