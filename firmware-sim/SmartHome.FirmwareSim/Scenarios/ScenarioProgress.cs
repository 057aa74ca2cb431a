namespace SmartHome.FirmwareSim.Scenarios;

/// <summary>Where a running scenario stands.</summary>
/// <param name="SimulatedNow">The simulated moment of the last step played.</param>
/// <param name="Done">The share of the scenario's simulated time played, from 0 to 1.</param>
/// <param name="Sent">Messages acknowledged so far, status messages included.</param>
public sealed record ScenarioProgress(DateTimeOffset SimulatedNow, double Done, long Sent);
