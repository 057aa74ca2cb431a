using SmartHome.Contracts.Telemetry;

namespace SmartHome.Gateway.Clock;

/// <summary>Corrects the times the gateway stamped in an envelope before its clock was synchronised.</summary>
internal static class EnvelopeRestamp
{
    /// <summary>
    /// The envelope's own sentAt (when sealed unsynchronised) and the <c>at</c> of its records flagged
    /// <c>clockSynced: false</c> shifted by <paramref name="correction"/>, marked <c>clockSynced: true, restamped: true</c>.
    /// Only for an envelope of <paramref name="bootId"/>, this boot: the correction of an earlier boot is unknown, so its
    /// envelopes are returned as they are, still <c>clockSynced: false</c>. Records whose time came from the appliance's
    /// firmware are left as they are.
    /// </summary>
    public static TelemetryEnvelope Apply(TelemetryEnvelope envelope, Guid bootId, TimeSpan correction)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.BootId != bootId)
        {
            return envelope;
        }

        var records = envelope.Records
            .Select(record => record.ClockSynced == false ? record with { At = record.At + correction, ClockSynced = null } : record)
            .ToList();
        return envelope with
        {
            SentAt = envelope.ClockSynced ? envelope.SentAt : envelope.SentAt + correction,
            ClockSynced = true,
            Restamped = true,
            Records = records,
        };
    }
}
