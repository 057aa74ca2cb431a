using System.Globalization;
using SmartHome.Cloud.Core.Twin;

namespace SmartHome.Cloud.Apis;

/// <summary>
/// The household's settings as the householder reads and writes them. A <c>PUT</c> replaces them all: a field left
/// out takes its default.
/// </summary>
public sealed record HouseholdSettingsBody(
    int? WarningWindowDays,
    string? TimeZone,
    string? ExpiringDigestAt,
    SafeRanges? SafeRanges,
    IReadOnlyList<MinimumStockBody>? MinimumStock,
    NotificationSettingsBody? Notifications = null)
{
    public const int MaxWarningWindowDays = 30;
    public const int MaxMinimumStock = 100;
    public const int MaxNameLength = 100;
    public const double MaxQuantity = 1_000_000;
    public const string DigestTimeFormat = "HH:mm";

    public static HouseholdSettingsBody From(HouseholdSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            settings.WarningWindowDays,
            settings.TimeZone,
            settings.ExpiringDigestAt.ToString(DigestTimeFormat, CultureInfo.InvariantCulture),
            settings.SafeRanges,
            [.. settings.MinimumStock.Select(m => new MinimumStockBody(m.Product, m.Category, m.Quantity, m.Unit))],
            NotificationSettingsBody.From(settings.Notifications));
    }

    /// <summary>The settings, once <see cref="Validate"/> found nothing wrong.</summary>
    public HouseholdSettings ToSettings() => new()
    {
        WarningWindowDays = WarningWindowDays ?? HouseholdSettings.DefaultWarningWindowDays,
        TimeZone = TimeZone ?? "UTC",
        ExpiringDigestAt = ExpiringDigestAt is null
            ? HouseholdSettings.DefaultExpiringDigestAt
            : TimeOnly.ParseExact(ExpiringDigestAt, DigestTimeFormat, CultureInfo.InvariantCulture),
        SafeRanges = SafeRanges ?? new(),
        MinimumStock = [.. (MinimumStock ?? []).Select(m => new MinimumStock { Product = m.Product?.Trim(), Category = m.Category?.Trim(), Quantity = m.Quantity!.Value, Unit = m.Unit?.Trim() })],
        Notifications = Notifications?.ToSettings() ?? new(),
    };

    internal ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (WarningWindowDays is < 0 or > MaxWarningWindowDays)
        {
            errors.Add("warningWindowDays", $"give 0 to {MaxWarningWindowDays} days");
        }

        if (TimeZone is not null && (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) || !IsZoneName(TimeZone)))
        {
            errors.Add("timeZone", $"'{TimeZone}' is not a known IANA time zone, e.g. \"Europe/Berlin\"");
        }

        if (ExpiringDigestAt is not null
            && !TimeOnly.TryParseExact(ExpiringDigestAt, DigestTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add("expiringDigestAt", $"'{ExpiringDigestAt}' is not a time of day as HH:mm, e.g. \"08:00\"");
        }

        if (SafeRanges is { } ranges)
        {
            CheckRange(errors, "safeRanges.fridge", ranges.Fridge);
            CheckRange(errors, "safeRanges.freezer", ranges.Freezer);
            CheckRange(errors, "safeRanges.pantry", ranges.Pantry);
        }

        CheckMinimumStock(errors);
        Notifications?.Validate(errors, "notifications");
        return errors;
    }

    private void CheckMinimumStock(ValidationErrors errors)
    {
        if (MinimumStock is not { } minimums)
        {
            return;
        }

        if (minimums.Count > MaxMinimumStock)
        {
            errors.Add("minimumStock", $"give at most {MaxMinimumStock} minimums");
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < minimums.Count; i++)
        {
            var field = $"minimumStock[{i}]";
            if (minimums[i] is not { } minimum)
            {
                errors.Add(field, "give a minimum, not null");
                continue;
            }

            if (IsBlank(minimum.Product) == IsBlank(minimum.Category))
            {
                errors.Add(field, "give either a product or a category, e.g. {\"product\":\"milk\",\"quantity\":1,\"unit\":\"l\"}");
            }
            else if ((minimum.Product ?? minimum.Category)!.Trim().Length > MaxNameLength)
            {
                errors.Add(field, $"a product or category name has at most {MaxNameLength} characters");
            }
            else if (!keys.Add(new MinimumStock { Product = minimum.Product, Category = minimum.Category, Quantity = 1 }.Key))
            {
                errors.Add(field, "this product or category has a minimum already");
            }

            if (minimum.Quantity is not (> 0 and <= MaxQuantity))
            {
                errors.Add($"{field}.quantity", $"give a quantity above 0 and at most {MaxQuantity}");
            }

            if (!Quantities.IsKnownUnit(minimum.Unit))
            {
                errors.Add($"{field}.unit", $"'{minimum.Unit}' is not a unit the core compares: l, dl, cl, ml, kg, g, mg, or pcs (or none, for pieces)");
            }
        }
    }

    private static void CheckRange(ValidationErrors errors, string field, SafeRange? range)
    {
        if (range is null)
        {
            errors.Add(field, "give minCelsius and maxCelsius");
        }
        else if (!double.IsFinite(range.MinCelsius) || !double.IsFinite(range.MaxCelsius)
            || range.MinCelsius < -60 || range.MaxCelsius > 60 || range.MinCelsius >= range.MaxCelsius)
        {
            errors.Add(field, "give minCelsius below maxCelsius, both between -60 and 60");
        }
    }

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// Whether a name .NET found in the system's tz files is a zone's name, as browsers (the dashboard) know it too:
    /// not a file of the database's own (<c>localtime</c>, <c>posixrules</c>, <c>Factory</c>) nor its <c>posix/</c> and
    /// <c>right/</c> copies.
    /// </summary>
    private static bool IsZoneName(string name) =>
        name is not ("localtime" or "posixrules" or "Factory")
        && !name.StartsWith("posix/", StringComparison.Ordinal)
        && !name.StartsWith("right/", StringComparison.Ordinal);
}

/// <summary>"At least <c>quantity</c> <c>unit</c> of a product (by name or barcode) or of a category."</summary>
public sealed record MinimumStockBody(string? Product, string? Category, double? Quantity, string? Unit);
