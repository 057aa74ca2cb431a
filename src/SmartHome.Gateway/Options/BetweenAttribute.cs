using System.ComponentModel.DataAnnotations;

namespace SmartHome.Gateway.Options;

/// <summary>
/// An inclusive range check for int and long settings. Used instead of <see cref="RangeAttribute"/>, whose
/// source-generated copy ignores <see cref="ValidationAttribute.ErrorMessage"/> and so cannot name the configuration key.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BetweenAttribute(long minimum, long maximum) : ValidationAttribute
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        int number => number >= Minimum && number <= Maximum,
        long number => number >= Minimum && number <= Maximum,
        _ => false,
    };
}
