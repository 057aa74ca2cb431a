namespace SmartHome.Gateway.HomeAssistant;

/// <summary>One retained message for Home Assistant: a discovery config or a state.</summary>
internal readonly record struct HomeAssistantMessage(string Topic, string Payload);
