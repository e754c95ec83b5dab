using System.Text.RegularExpressions;

namespace SqlProxy.Plugins.Classifiers;

/// <summary>
/// Recognises e-mail addresses: an RFC 5322 dot-atom local part (no quoted strings, no comments),
/// <c>@</c>, and a DNS domain of at least two labels whose last one starts with a letter.
/// </summary>
internal static partial class EmailValidator
{
    private const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;

    public static bool IsEmail(string value)
    {
        if (value.Length is < 6 or > MaxLength)
        {
            return false;
        }

        var at = value.IndexOf('@');
        if (at is < 1 or > MaxLocalPartLength)
        {
            return false;
        }

        try
        {
            return Address().IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex(
        @"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 100)]
    private static partial Regex Address();
}
