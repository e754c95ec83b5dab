using System.Globalization;

namespace NationalId;

/// <summary>
/// The Dutch citizen service number (burgerservicenummer, BSN): nine digits that pass the "11-proof", i.e.
/// <c>9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9</c> is a multiple of 11 (and not 0).
/// A number stored as an integer loses its leading zero, so eight digits are read with a leading 0.
/// </summary>
internal static class Bsn
{
    private const int Length = 9;

    /// <summary>Whether the value is a valid BSN: a string of 8 or 9 ASCII digits, or an integer, passing the 11-proof.</summary>
    /// <param name="value">A value as the database returned it.</param>
    /// <returns>True when it is a valid BSN.</returns>
    public static bool IsValid(object? value) => value switch
    {
        string text => IsValid(text),
        int or long or short or decimal => IsValid(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        _ => false,
    };

    /// <summary>Whether the text is 8 or 9 ASCII digits passing the 11-proof.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns>True when it is a valid BSN.</returns>
    public static bool IsValid(string text)
    {
        if (text.Length is not (Length or Length - 1) || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        var digits = text.PadLeft(Length, '0');
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            var weight = i == Length - 1 ? -1 : Length - i;
            sum += weight * (digits[i] - '0');
        }

        return sum != 0 && sum % 11 == 0;
    }
}
