namespace SmartHome.Gateway.Devices.Hx711;

/// <summary>How the raw samples of one weighing are combined.</summary>
public enum SampleFilter
{
    /// <summary>The middle sample (mean of the two middle ones for an even count): one spike cannot move it.</summary>
    Median,

    /// <summary>The mean of all samples: smoother on steady noise, but a spike pulls it.</summary>
    Average,
}
