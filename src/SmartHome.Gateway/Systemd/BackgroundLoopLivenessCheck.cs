namespace SmartHome.Gateway.Systemd;

/// <summary>A background loop is alive while it runs; one that ended or failed before the host began to stop is not.</summary>
internal sealed class BackgroundLoopLivenessCheck(string name, BackgroundService loop, IHostApplicationLifetime lifetime) : ILivenessCheck
{
    public string? FindProblem()
    {
        if (loop.ExecuteTask is not { IsCompleted: true } task || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return null;
        }

        return task.Exception is { } failure ? $"the {name} loop failed: {failure.GetBaseException().Message}" : $"the {name} loop ended";
    }
}
