namespace SmartHome.Cloud.Apis;

internal static partial class Log
{
    [LoggerMessage(2410, LogLevel.Information, "Partner {PartnerId}'s webhook endpoint failed the validation handshake: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string partnerId, string reason);
}
