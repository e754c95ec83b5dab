using System.Globalization;
using System.Text;
using SqlProxy.Sdk;

namespace NationalId;

/// <summary>
/// <c>national_id</c>: replaces every digit but the last <c>keep_last</c> (0 to 9, default 3) with <c>*</c> and keeps
/// separators, so <c>1234.56.782</c> becomes <c>****.**.782</c>. A value with no more digits than <c>keep_last</c> is
/// masked whole. Numbers are masked on their invariant text; null stays null.
/// </summary>
public sealed class NationalIdMasker : IMasker
{
    /// <summary>The argument naming how many trailing digits stay visible.</summary>
    public const string KeepLast = "keep_last";

    /// <summary>Trailing digits kept when <c>keep_last</c> is not given.</summary>
    public const int DefaultKeepLast = 3;

    private const int MaxKeepLast = 9;

    /// <inheritdoc />
    public string Name => "national_id";

    /// <inheritdoc />
    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var problems = new List<string>();
        foreach (var (name, text) in arguments)
        {
            if (name != KeepLast)
            {
                problems.Add($"`{name}` is not an argument of the `{Name}` masker, which takes `{KeepLast}`.");
            }
            else if (!TryParseKeepLast(text, out _))
            {
                problems.Add($"`{KeepLast}` must be a whole number from 0 to {MaxKeepLast}, not `{text}`.");
            }
        }

        return problems;
    }

    /// <inheritdoc />
    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments)
    {
        if (value is null or DBNull)
        {
            return null;
        }

        var keepLast = arguments is not null && arguments.TryGetValue(KeepLast, out var text) && TryParseKeepLast(text, out var parsed)
            ? parsed
            : DefaultKeepLast;
        return Mask(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", keepLast);
    }

    private static string Mask(string text, int keepLast)
    {
        var digits = text.Count(char.IsAsciiDigit);
        var shown = digits > keepLast ? keepLast : 0;
        var masked = new StringBuilder(text.Length);
        var digitIndex = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                // Anything but a digit could itself be identifying (letters of a foreign ID): only separators stay.
                masked.Append(c is '.' or '-' or ' ' ? c : '*');
                continue;
            }

            masked.Append(digitIndex++ >= digits - shown ? c : '*');
        }

        return masked.ToString();
    }

    private static bool TryParseKeepLast(string? text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxKeepLast;
}
