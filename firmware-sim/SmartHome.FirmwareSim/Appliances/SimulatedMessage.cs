namespace SmartHome.FirmwareSim.Appliances;

/// <summary>One appliance-link message a simulated appliance sends.</summary>
/// <param name="Topic">The MQTT topic, <c>appliance/{applianceId}/{channel}</c>.</param>
/// <param name="Channel">The last topic level: <c>temperature</c>, <c>door</c>, <c>inventory</c> or <c>status</c>.</param>
/// <param name="Payload">The UTF-8 JSON text, as the contract's serializer writes it.</param>
/// <param name="Retain">Whether the broker keeps it for later subscribers (status messages).</param>
/// <param name="At">The simulated moment the message describes (its payload's <c>at</c>, where it has one).</param>
public sealed record SimulatedMessage(string Topic, string Channel, string Payload, bool Retain, DateTimeOffset At);
