namespace SmartHome.Contracts.Validation;

/// <summary>Why a message was refused: a short <see cref="Code"/> to count by, and a <see cref="Detail"/> for the log.</summary>
public sealed record Rejection(string Code, string Detail)
{
    public override string ToString() => $"{Code}: {Detail}";
}
