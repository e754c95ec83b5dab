using System.Text.RegularExpressions;

namespace SqlProxy.Plugins.Classifiers;

/// <summary>
/// Recognises telephone numbers of 7–15 digits: E.164 (<c>+14155550134</c>), international with
/// separators (<c>+44 20 7946 0958</c>, <c>+44 (0)20 7946 0958</c>) and national numbers written in at
/// least three groups or with an area code in parentheses (<c>(212) 555-0187</c>, <c>212.555.0187</c>,
/// <c>06 12 34 56 78</c>). Bare digit runs are ids, not phones, unless they start with <c>+</c>.
/// Without a <c>+</c>, shapes that are something else are refused: dates, IPv4 addresses, SSNs,
/// amounts (<c>12345.67</c>, <c>1 234 567</c>). Extensions (<c>x123</c>) are not recognised.
/// </summary>
internal static partial class PhoneValidator
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;
    private const int MaxLength = 32;
    private const int MaxNationalGroup = 5;

    public static bool IsPhone(string value)
    {
        if (value.Length is < MinDigits or > MaxLength || !MatchesShape(value) || value.Count(c => c == '(') > 1)
        {
            return false;
        }

        var sizes = GroupSizes(value);
        if (sizes.Sum() is < MinDigits or > MaxDigits)
        {
            return false;
        }

        if (value[0] == '+')
        {
            return sizes.Count > 1 || value[1] != '0';
        }

        var parenthesized = value.Contains('(');
        if (sizes.Count < (parenthesized ? 2 : 3) || sizes.Any(size => size > MaxNationalGroup))
        {
            return false;
        }

        return parenthesized || !LooksLikeSomethingElse(value, sizes);
    }

    private static bool MatchesShape(string value)
    {
        try
        {
            return Shape().IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static List<int> GroupSizes(string value)
    {
        var sizes = new List<int>();
        var size = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                size++;
            }
            else if (size > 0)
            {
                sizes.Add(size);
                size = 0;
            }
        }

        if (size > 0)
        {
            sizes.Add(size);
        }

        return sizes;
    }

    private static bool LooksLikeSomethingElse(string value, List<int> sizes)
    {
        var separators = value.Where(c => !char.IsAsciiDigit(c)).Distinct().ToArray();
        var single = separators.Length == 1 ? separators[0] : '\0';
        var isDate = sizes.Count == 3 && single != '\0'
            && ((sizes[0] == 4 && sizes[1] <= 2 && sizes[2] <= 2) || (sizes[0] <= 2 && sizes[1] <= 2 && sizes[2] is 2 or 4));
        var isIpv4 = sizes.Count == 4 && single == '.' && sizes.All(size => size <= 3);
        var isSsn = sizes is [3, 2, 4] && single == '-';
        var isThousands = single is ' ' or '.' && sizes[0] <= 3 && sizes.Skip(1).All(size => size == 3);
        var dot = value.LastIndexOf('.');
        var isDecimal = dot > 0 && value.IndexOf('.') == dot && sizes[^1] <= 2 && dot > value.LastIndexOfAny([' ', '-']);
        return isDate || isIpv4 || isSsn || isThousands || isDecimal;
    }

    // Digit groups joined by one separator; one parenthesized group may stand without one ("+44(0)20", "(212)555").
    [GeneratedRegex(
        @"^\+?(?:\(\d{1,5}\)|\d{1,15})(?:(?:[ .-]|(?<=\)))(?:\(\d{1,5}\)|\d{1,15})|[ .-]?\(\d{1,5}\))*$",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
