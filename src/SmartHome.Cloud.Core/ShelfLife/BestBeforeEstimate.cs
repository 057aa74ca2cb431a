namespace SmartHome.Cloud.Core.ShelfLife;

/// <param name="Date">The effective best-before; null when neither label nor catalog knows.</param>
/// <param name="Reason">Why it differs from the label, in words; null when it is the label's date.</param>
internal sealed record BestBeforeEstimate(DateOnly? Date, string? Reason);
