using SmartHome.Contracts.ApplianceLink;
using SmartHome.Contracts.Telemetry;

namespace SmartHome.Contracts.Validation;

/// <summary>The rules every telemetry record obeys, whichever side reads it.</summary>
public static class RecordValidator
{
    /// <summary>Plausible air temperatures for a household appliance; anything outside is a broken sensor or a bad message.</summary>
    public const double MinCelsius = -60;
    public const double MaxCelsius = 100;

    public const int MaxTextLength = 200;

    public static Rejection? Validate(TelemetryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!Identifiers.IsValid(record.Appliance))
        {
            return Invalid("appliance must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }

        return record.Kind switch
        {
            RecordKind.Temperature => ValidateTemperature(record),
            RecordKind.Door => Identifiers.IsValid(record.Door) && record.State is not null
                ? null
                : Invalid("a door record needs 'door' (an identifier) and 'state' ('open' or 'closed')"),
            RecordKind.Inventory => ValidateInventory(record),
            RecordKind.Fault => Identifiers.IsValid(record.Sensor) && !string.IsNullOrWhiteSpace(record.Reason)
                ? TextTooLong(("reason", record.Reason))
                : Invalid("a fault record needs 'sensor' and 'reason'"),
            RecordKind.Status => record.Online is null ? Invalid("a status record needs 'online'") : TextTooLong(("firmware", record.Firmware)),
            _ => Invalid($"unknown kind '{record.Kind}'"),
        };
    }

    private static Rejection? ValidateTemperature(TelemetryRecord record)
    {
        if (!Identifiers.IsValid(record.Sensor))
        {
            return Invalid("'sensor' must be an identifier (1-64 characters of letters, digits, '.', '_' or '-')");
        }

        if (!IsPlausible(record.Celsius))
        {
            return Invalid($"'celsius' must be a number between {MinCelsius} and {MaxCelsius}, was {record.Celsius?.ToString() ?? "missing"}");
        }

        return record is { MinCelsius: null, MaxCelsius: null, Samples: null, RollupSeconds: null } ? null : ValidateRollup(record);
    }

    private static Rejection? ValidateRollup(TelemetryRecord record)
    {
        if (!IsPlausible(record.MinCelsius) || !IsPlausible(record.MaxCelsius) || record.Samples is null or < 1 || record.RollupSeconds is null or < 1)
        {
            return Invalid("a rolled-up temperature needs 'minCelsius' and 'maxCelsius' (plausible temperatures), 'samples' and 'rollupSeconds' (at least 1)");
        }

        return record.MinCelsius <= record.Celsius && record.Celsius <= record.MaxCelsius
            ? null
            : Invalid($"a rolled-up temperature needs minCelsius <= celsius <= maxCelsius, was {record.MinCelsius} <= {record.Celsius} <= {record.MaxCelsius}");
    }

    private static bool IsPlausible(double? celsius) => celsius is { } c && double.IsFinite(c) && c is >= MinCelsius and <= MaxCelsius;

    private static Rejection? ValidateInventory(TelemetryRecord record)
    {
        if (record.Op is not { } op)
        {
            return Invalid("an inventory record needs 'op'");
        }

        if (!Identifiers.IsValid(record.ItemId))
        {
            return Invalid("'itemId' must be an identifier (1-64 characters of letters, digits, '.', '_' or '-')");
        }

        if (record.Quantity is { } q && (!double.IsFinite(q) || q < 0 || q > 1_000_000))
        {
            return Invalid($"'quantity' must be a number from 0 to 1000000, was {q}");
        }

        if (TextTooLong(("name", record.Name), ("category", record.Category), ("unit", record.Unit), ("barcode", record.Barcode)) is { } tooLong)
        {
            return tooLong;
        }

        return op switch
        {
            InventoryOp.Added when string.IsNullOrWhiteSpace(record.Name) && string.IsNullOrWhiteSpace(record.Barcode)
                => Invalid("an 'added' item needs a 'name' or a 'barcode'"),
            InventoryOp.Consumed when record.Quantity is null => Invalid("'consumed' needs 'quantity'"),
            InventoryOp.Moved when record.Location is null => Invalid("'moved' needs the new 'location'"),
            _ => null,
        };
    }

    private static Rejection? TextTooLong(params (string Field, string? Value)[] fields) =>
        fields.FirstOrDefault(f => f.Value is { Length: > MaxTextLength }) is { Field: { } field }
            ? Invalid($"'{field}' is longer than {MaxTextLength} characters")
            : null;

    private static Rejection Invalid(string detail) => new(RejectionCodes.InvalidField, detail);
}
