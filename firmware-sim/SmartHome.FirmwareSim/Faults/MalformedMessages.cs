using System.Globalization;
using System.Text.Json.Nodes;
using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Validation;
using SmartHome.FirmwareSim.Appliances;
using SmartHome.FirmwareSim.Appliances.Fridge;

namespace SmartHome.FirmwareSim.Faults;

/// <summary>Broken appliance-link messages, each made by spoiling a well-formed one the contract's serializer wrote.</summary>
internal static class MalformedMessages
{
    private const string UnknownChannel = "humidity";
    private const double PlausibleCelsius = 4.0;

    public static SimulatedMessage Create(string applianceId, MalformedKind kind, DateTimeOffset at, Random random)
    {
        var reading = ApplianceMessages.Temperature(applianceId, "fridge", PlausibleCelsius, at);
        return kind switch
        {
            MalformedKind.NotJson => reading with { Payload = FormattableString.Invariant($"fridge={PlausibleCelsius:0.0}C") },
            MalformedKind.TruncatedJson => reading with { Payload = reading.Payload[..random.Next(1, reading.Payload.Length)] },
            MalformedKind.WrongType => Spoil(reading, json => json["celsius"] = PlausibleCelsius.ToString("0.0", CultureInfo.InvariantCulture)),
            MalformedKind.MissingField => Spoil(reading, json => json.Remove("celsius")),
            MalformedKind.UnknownEnumValue => Spoil(ApplianceMessages.Door(applianceId, FridgeSimulator.MainDoor, DoorState.Open, at), json => json["state"] = "ajar"),
            MalformedKind.TooLarge => Spoil(reading, json => json["debug"] = new string('x', ApplianceMessageReader.MaxPayloadBytes)),
            MalformedKind.UnknownChannel => reading with { Topic = $"appliance/{applianceId}/{UnknownChannel}", Channel = UnknownChannel },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a malformed kind"),
        };
    }

    private static SimulatedMessage Spoil(SimulatedMessage message, Action<JsonObject> spoil)
    {
        var json = JsonNode.Parse(message.Payload)!.AsObject();
        spoil(json);
        return message with { Payload = json.ToJsonString() };
    }
}
