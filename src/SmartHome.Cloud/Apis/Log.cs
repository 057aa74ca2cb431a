namespace SmartHome.Cloud.Apis;

internal static partial class Log
{
    [LoggerMessage(2410, LogLevel.Information, "Partner {PartnerId}'s webhook endpoint failed the validation handshake: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string partnerId, string reason);

    [LoggerMessage(2411, LogLevel.Information, "Partner {PartnerId} rotated the secret of subscription {SubscriptionId}; the old one signs too until {PreviousExpiresAt}")]
    public static partial void SecretRotated(ILogger logger, string partnerId, string subscriptionId, DateTimeOffset previousExpiresAt);
}
