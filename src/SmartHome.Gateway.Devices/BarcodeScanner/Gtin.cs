using System.Diagnostics.CodeAnalysis;

namespace SmartHome.Gateway.Devices.BarcodeScanner;

/// <summary>The retail barcodes a scanner reads off a pack: EAN-13, UPC-A (12 digits) and EAN-8, with their check digit.</summary>
public static class Gtin
{
    /// <summary>
    /// True when <paramref name="code"/> is an EAN-13, UPC-A or EAN-8 whose last digit is the right check digit; the
    /// code comes back normalised, UPC-A as the EAN-13 it is (a leading 0), so a product has one code in the catalog.
    /// </summary>
    public static bool TryNormalize(string? code, [NotNullWhen(true)] out string? gtin)
    {
        gtin = null;
        if (code is not { Length: 8 or 12 or 13 } || !code.All(char.IsAsciiDigit) || !HasValidCheckDigit(code))
        {
            return false;
        }

        gtin = code.Length == 12 ? "0" + code : code;
        return true;
    }

    // Weights 3, 1, 3, ... from the digit left of the check digit; the check digit tops the sum up to a multiple of 10.
    private static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = digits.Length - 2; i >= 0; i--)
        {
            var weight = (digits.Length - 2 - i) % 2 == 0 ? 3 : 1;
            sum += (digits[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10 == digits[^1] - '0';
    }
}
