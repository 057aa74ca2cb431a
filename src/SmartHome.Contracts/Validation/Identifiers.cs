namespace SmartHome.Contracts.Validation;

/// <summary>
/// Identifiers that travel in topics and URLs (household, gateway, appliance, item, sensor): 1–64 characters of
/// ASCII letters, digits, '.', '_' and '-', so they can never inject MQTT wildcards or path segments.
/// </summary>
public static class Identifiers
{
    public const int MaxLength = 64;

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
