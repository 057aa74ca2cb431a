namespace SmartHome.Gateway.Mqtt;

/// <summary>Told of every transition of a supervised connection, to keep its connectivity state machine.</summary>
internal interface IMqttConnectionObserver
{
    void Connecting();

    void Connected();

    void Disconnected(string? reason);
}
