using System.ComponentModel.DataAnnotations;
using SmartHome.Contracts.Validation;

namespace SmartHome.Gateway.Options;

/// <summary>The value is an identifier as <see cref="Identifiers.IsValid"/> defines it; empty is left to <see cref="RequiredAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IdentifierAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || text.Length == 0 || Identifiers.IsValid(text);
}
