namespace SmartHome.Cloud.Core.ShelfLife;

/// <param name="Date">The effective best-before; null when neither label nor catalog knows.</param>
/// <param name="Reason">Why it differs from the label, or what warmth did to it, in words; null when it is simply the label's date.</param>
/// <param name="Since">Event time of the record the date follows from: adding, a move that changed the figure, freezing, thawing or an opening that brought it forward.</param>
internal sealed record BestBeforeEstimate(DateOnly? Date, string? Reason, DateTimeOffset Since);
