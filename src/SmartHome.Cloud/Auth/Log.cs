
namespace SmartHome.Cloud.Auth;

internal static partial class Log
{
    [LoggerMessage(2400, LogLevel.Information, "Refused an unknown bearer token on {Path}")]
    public static partial void UnknownToken(ILogger logger, PathString path);
}
