using System.ComponentModel.DataAnnotations;
using SmartHome.Contracts.Validation;
using SmartHome.Gateway.Devices.Hx711;

namespace SmartHome.Gateway.Options;

/// <summary>A load-cell shelf on an HX711 ADC (two GPIO pins) that counts one configured item by weight.</summary>
public sealed class Hx711Options : IValidatableObject
{
    public bool Enabled { get; set; }

    /// <summary>The BCM GPIO number of DOUT.</summary>
    [Between(0, 27, ErrorMessage = GatewayConfigKeys.Hx711DataPin + " must be a BCM GPIO number from 0 to 27")]
    public int DataPin { get; set; } = 5;

    /// <summary>The BCM GPIO number of PD_SCK.</summary>
    [Between(0, 27, ErrorMessage = GatewayConfigKeys.Hx711ClockPin + " must be a BCM GPIO number from 0 to 27")]
    public int ClockPin { get; set; } = 6;

    /// <summary>128 or 64 (channel A) or 32 (channel B).</summary>
    public int Gain { get; set; } = 128;

    /// <summary>Raw units per gram, found by weighing a known mass (see the device README).</summary>
    public double CalibrationFactor { get; set; }

    /// <summary>The raw reading of the empty shelf; when unset the shelf is tared at start and must be empty then.</summary>
    public double? Offset { get; set; }

    [Between(1, 100, ErrorMessage = GatewayConfigKeys.Hx711TareSamples + " must be from 1 to 100")]
    public int TareSamples { get; set; } = 10;

    [Between(1, 50, ErrorMessage = GatewayConfigKeys.Hx711Samples + " must be from 1 to 50")]
    public int Samples { get; set; } = 5;

    /// <summary><c>median</c> or <c>average</c>.</summary>
    public string Filter { get; set; } = "median";

    [Between(1, 20, ErrorMessage = GatewayConfigKeys.Hx711StableReadings + " must be from 1 to 20")]
    public int StableReadings { get; set; } = 3;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    public string? ItemId { get; set; }

    public string? ItemName { get; set; }

    public string? ItemBarcode { get; set; }

    public string? ItemCategory { get; set; }

    /// <summary>What one item weighs, in grams.</summary>
    public double UnitGrams { get; set; }

    internal Hx711Gain GainSetting => Gain switch
    {
        64 => Hx711Gain.ChannelA64,
        32 => Hx711Gain.ChannelB32,
        _ => Hx711Gain.ChannelA128,
    };

    internal SampleFilter FilterSetting => string.Equals(Filter, "average", StringComparison.OrdinalIgnoreCase) ? SampleFilter.Average : SampleFilter.Median;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (DataPin == ClockPin)
        {
            yield return new($"{GatewayConfigKeys.Hx711ClockPin} must differ from {GatewayConfigKeys.Hx711DataPin}, both are {DataPin}", [nameof(ClockPin)]);
        }

        if (Gain is not (128 or 64 or 32))
        {
            yield return new($"{GatewayConfigKeys.Hx711Gain} must be 128, 64 or 32, was {Gain}", [nameof(Gain)]);
        }

        if (!double.IsFinite(CalibrationFactor) || CalibrationFactor == 0)
        {
            yield return new($"{GatewayConfigKeys.Hx711CalibrationFactor} (raw units per gram) is required and must not be 0 when the shelf is enabled", [nameof(CalibrationFactor)]);
        }

        if (Offset is { } offset && !double.IsFinite(offset))
        {
            yield return new($"{GatewayConfigKeys.Hx711Offset} must be a number, was {offset}", [nameof(Offset)]);
        }

        if (!string.Equals(Filter, "median", StringComparison.OrdinalIgnoreCase) && !string.Equals(Filter, "average", StringComparison.OrdinalIgnoreCase))
        {
            yield return new($"{GatewayConfigKeys.Hx711Filter} must be 'median' or 'average', was '{Filter}'", [nameof(Filter)]);
        }

        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromHours(1))
        {
            yield return new($"{GatewayConfigKeys.Hx711Interval} must be from 00:00:00.100 to 01:00:00, was {Interval}", [nameof(Interval)]);
        }

        if (!Identifiers.IsValid(ItemId))
        {
            yield return new($"{GatewayConfigKeys.Hx711ItemId} is required when the shelf is enabled and must be 1-64 characters of letters, digits, '.', '_' or '-'", [nameof(ItemId)]);
        }

        if (string.IsNullOrWhiteSpace(ItemName) && string.IsNullOrWhiteSpace(ItemBarcode))
        {
            yield return new($"{GatewayConfigKeys.Hx711ItemName} or {GatewayConfigKeys.Hx711ItemBarcode} is required when the shelf is enabled", [nameof(ItemName)]);
        }

        foreach (var (key, value) in new[] { (GatewayConfigKeys.Hx711ItemName, ItemName), (GatewayConfigKeys.Hx711ItemBarcode, ItemBarcode), (GatewayConfigKeys.Hx711ItemCategory, ItemCategory) })
        {
            if (value is { Length: > RecordValidator.MaxTextLength })
            {
                yield return new($"{key} must be at most {RecordValidator.MaxTextLength} characters", [nameof(ItemName)]);
            }
        }

        if (!double.IsFinite(UnitGrams) || UnitGrams <= 0)
        {
            yield return new($"{GatewayConfigKeys.Hx711UnitGrams} (the weight of one item in grams) is required and must be above 0 when the shelf is enabled, was {UnitGrams}", [nameof(UnitGrams)]);
        }
    }
}
