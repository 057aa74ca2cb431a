using System.Net.Mime;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using SmartHome.Cloud.Core.Events;

namespace SmartHome.Cloud.Delivery;

/// <summary>Writes a need event as a CloudEvents 1.0 structured-mode JSON document (<c>application/cloudevents+json</c>).</summary>
public static class NeedEventCloudEventWriter
{
    public const string ContentType = "application/cloudevents+json";

    private static readonly JsonEventFormatter Formatter = new();

    /// <param name="needEvent">The event.</param>
    /// <param name="id">The CloudEvent id as this recipient sees it (see <see cref="PartnerEventIds"/>).</param>
    /// <param name="source">Who the event is about as this recipient may know it, e.g. <c>/households/{householdRef}</c>.</param>
    public static string ToStructuredJson(NeedEvent needEvent, string id, string source)
    {
        ArgumentNullException.ThrowIfNull(needEvent);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = id,
            Type = needEvent.Type,
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Time = needEvent.Time,
            Subject = needEvent.Subject,
            DataContentType = MediaTypeNames.Application.Json,
            Data = needEvent.Data,
        };
        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }
}
