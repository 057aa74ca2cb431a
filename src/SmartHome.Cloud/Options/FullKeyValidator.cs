using Microsoft.Extensions.Options;

namespace SmartHome.Cloud.Options;

/// <summary>
/// Puts the section in front of a generated validator's failures ("Port: …" becomes "SmartHome:Cloud:Broker:Port: …")
/// unless the message already names a full key, so every failure names the key to fix. Needed because the options
/// source generator drops the <c>ErrorMessage</c> of <c>[Range]</c> (dotnet/runtime#123137).
/// </summary>
internal sealed class FullKeyValidator<TOptions>(IValidateOptions<TOptions> inner, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    private const string KeyPrefix = "SmartHome:";

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        return result.Failed && result.Failures is { } failures ? ValidateOptionsResult.Fail(failures.Select(WithFullKey)) : result;
    }

    private string WithFullKey(string failure)
    {
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        var member = colon > 0 ? failure[..colon] : null;
        return member is null || member.Contains(' ', StringComparison.Ordinal) || failure[(colon + 2)..].StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? failure
            : $"{section}:{failure}";
    }
}
