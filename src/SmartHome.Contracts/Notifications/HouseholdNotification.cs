namespace SmartHome.Contracts.Notifications;

/// <summary>One message to the householders, on <c>shg/v1/{householdId}/notifications</c> and the householder API.</summary>
public sealed record HouseholdNotification
{
    public required Guid Id { get; init; }
    public required string HouseholdId { get; init; }

    /// <summary>The need event this tells of.</summary>
    public required string EventId { get; init; }

    public required string Type { get; init; }
    public required NotificationSeverity Severity { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public string? Subject { get; init; }
    public required DateTimeOffset At { get; init; }
}
