namespace SmartHome.Gateway.Systemd;

/// <summary>One part of the pipeline that can tell whether it still works; systemd's watchdog is fed only while all do.</summary>
internal interface ILivenessCheck
{
    /// <summary>Null while the part works; otherwise what is wrong, for the log.</summary>
    string? FindProblem();
}
