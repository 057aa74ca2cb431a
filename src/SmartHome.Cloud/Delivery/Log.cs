namespace SmartHome.Cloud.Delivery;

internal static partial class Log
{
    [LoggerMessage(2200, LogLevel.Information, "Delivered {DeliveryId} ({Type}) to partner {PartnerId} on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string deliveryId, string partnerId, string type, int attempt);

    [LoggerMessage(2201, LogLevel.Warning, "Delivery {DeliveryId} to partner {PartnerId} failed on attempt {Attempt}: {Reason}; next attempt in {Delay}")]
    public static partial void AttemptFailed(ILogger logger, string deliveryId, string partnerId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(2202, LogLevel.Error, "Delivery {DeliveryId} to partner {PartnerId} is dead after {Attempts} attempts: {Reason}")]
    public static partial void DeliveryDead(ILogger logger, string deliveryId, string partnerId, int attempts, string reason);

    [LoggerMessage(2203, LogLevel.Information, "Cancelled delivery {DeliveryId} to partner {PartnerId}: {Reason}")]
    public static partial void Cancelled(ILogger logger, string deliveryId, string partnerId, string reason);

    [LoggerMessage(2204, LogLevel.Error, "Claiming due deliveries failed; trying again shortly")]
    public static partial void ClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(2205, LogLevel.Error, "Attempting delivery {DeliveryId} failed unexpectedly; it will be tried again when its claim lapses")]
    public static partial void AttemptCrashed(ILogger logger, string deliveryId, Exception exception);

    [LoggerMessage(2206, LogLevel.Warning, "Handing back delivery {DeliveryId} at shutdown failed; it will be tried again when its claim lapses")]
    public static partial void ReleaseFailed(ILogger logger, string deliveryId, Exception exception);

    [LoggerMessage(2207, LogLevel.Information, "Delivery {DeliveryId} to partner {PartnerId}, attempt {Attempt}: {Outcome}, status {StatusCode}, {LatencyMs} ms")]
    public static partial void Attempted(ILogger logger, string deliveryId, string partnerId, int attempt, string outcome, int? statusCode, long latencyMs);

    [LoggerMessage(2208, LogLevel.Warning, "Delivery {DeliveryId} to partner {PartnerId} was throttled on attempt {Attempt} ({StatusCode}); next attempt at {RetryAt}")]
    public static partial void AttemptThrottled(ILogger logger, string deliveryId, string partnerId, int attempt, int? statusCode, DateTimeOffset retryAt);

    [LoggerMessage(2209, LogLevel.Warning, "Disabled subscription {SubscriptionId} of partner {PartnerId}, its deliveries held: {Reason}")]
    public static partial void SubscriptionDisabled(ILogger logger, string subscriptionId, string partnerId, string reason);

    [LoggerMessage(2210, LogLevel.Warning, "The MQTT notice to partner {PartnerId} was not published: {Reason}")]
    public static partial void NoticeNotPublished(ILogger logger, string partnerId, string reason);

    [LoggerMessage(2211, LogLevel.Information, "Held delivery {DeliveryId} to partner {PartnerId}: its subscription is disabled")]
    public static partial void Held(ILogger logger, string deliveryId, string partnerId);

    [LoggerMessage(2212, LogLevel.Information, "Delivery {DeliveryId} to partner {PartnerId} is superseded by delivery {NewerDeliveryId} about the same subject")]
    public static partial void Superseded(ILogger logger, string deliveryId, string partnerId, string newerDeliveryId);
}
