namespace SmartHome.Gateway.Options;

/// <summary>How the gateway learns whether its wall clock is synchronised.</summary>
public sealed class ClockOptions
{
    /// <summary>Takes the clock as synchronised without asking the kernel or systemd-timesyncd (a machine with neither).</summary>
    public bool AssumeSynced { get; set; }
}
