namespace SqlProxy.Plugins.Classifiers;

/// <summary>
/// Recognises payment card numbers: 13–19 digits, optionally in groups separated by single spaces
/// or hyphens, not starting with 0, passing the Luhn check.
/// </summary>
internal static class CreditCardValidator
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;

    public static bool IsCardNumber(string value)
    {
        if (value.Length is < MinDigits or > MaxDigits * 2)
        {
            return false;
        }

        Span<int> digits = stackalloc int[MaxDigits];
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxDigits)
                {
                    return false;
                }

                digits[count++] = c - '0';
            }
            else if (c is not (' ' or '-') || i == 0 || !char.IsAsciiDigit(value[i - 1]) || i == value.Length - 1)
            {
                return false;
            }
        }

        return count >= MinDigits && digits[0] != 0 && PassesLuhn(digits[..count]);
    }

    internal static bool PassesLuhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
