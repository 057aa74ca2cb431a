using System.Diagnostics.CodeAnalysis;

namespace SmartHome.Gateway.Devices.Hx711;

/// <summary>
/// A shelf on a load cell read through an <see cref="Hx711"/>, which it owns and disposes: each weighing takes
/// several raw samples, combines them with a <see cref="SampleFilter"/>, subtracts the tare offset and divides by the
/// calibration factor (raw units per gram).
/// </summary>
public sealed class LoadCellShelf : IDisposable
{
    private readonly Hx711 _adc;
    private readonly double _rawPerGram;
    private readonly int _samples;
    private readonly SampleFilter _filter;

    /// <param name="adc">The ADC, owned from here on.</param>
    /// <param name="rawPerGram">The calibration factor: raw units per gram, negative when the cell is mounted the other way up.</param>
    /// <param name="samples">Raw samples per weighing.</param>
    /// <param name="filter">How they are combined.</param>
    /// <param name="offset">The raw value of the empty shelf, if known; otherwise 0 until <see cref="TryTare"/>.</param>
    public LoadCellShelf(Hx711 adc, double rawPerGram, int samples, SampleFilter filter, double offset = 0)
    {
        ArgumentNullException.ThrowIfNull(adc);
        if (!double.IsFinite(rawPerGram) || rawPerGram == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rawPerGram), rawPerGram, "the calibration factor must be a finite non-zero number");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        _adc = adc;
        _rawPerGram = rawPerGram;
        _samples = samples;
        _filter = filter;
        Offset = offset;
    }

    /// <summary>The raw value that weighs 0 g.</summary>
    public double Offset { get; private set; }

    /// <summary>Takes the average of <paramref name="samples"/> raw samples of the empty shelf as its offset.</summary>
    public bool TryTare(int samples, [NotNullWhen(false)] out string? fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        if (!TryReadSamples(samples, out var values, out fault))
        {
            return false;
        }

        Offset = values.Average();
        return true;
    }

    /// <summary>Weighs the shelf: true with grams; false with one of <see cref="Hx711Faults"/>.</summary>
    public bool TryReadGrams(out double grams, [NotNullWhen(false)] out string? fault)
    {
        grams = double.NaN;
        if (!TryReadSamples(_samples, out var values, out fault))
        {
            return false;
        }

        var raw = _filter == SampleFilter.Median ? Median(values) : values.Average();
        grams = (raw - Offset) / _rawPerGram;
        return true;
    }

    public void Dispose() => _adc.Dispose();

    private bool TryReadSamples(int count, out double[] values, [NotNullWhen(false)] out string? fault)
    {
        values = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!_adc.TryReadRaw(out var raw, out fault))
            {
                return false;
            }

            values[i] = raw;
        }

        fault = null;
        return true;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
