namespace SmartHome.Gateway.ApplianceLink;

/// <summary>One way appliance messages reach <see cref="ApplianceMessageHandler"/>.</summary>
internal interface IApplianceLink
{
    /// <summary><c>embedded</c> or <c>external</c>, as health reports it.</summary>
    string Mode { get; }

    /// <summary>host:port where appliances publish.</summary>
    string Endpoint { get; }

    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}
