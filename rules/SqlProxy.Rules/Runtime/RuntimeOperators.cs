using System.Globalization;

namespace SqlProxy.Rules.Runtime;

/// <summary>
/// The operators of conditions, over nullable values: a comparison with null (a missing attribute) has no
/// result, which the compiled comparison reads as false.
/// </summary>
static class RuntimeOperators
{
    public static int? Compare(string? left, string? right) =>
        left is null || right is null ? null : Math.Sign(string.CompareOrdinal(left, right));

    public static int? Compare(decimal? left, decimal? right) =>
        left is null || right is null ? null : left.Value.CompareTo(right.Value);

    public static bool StartsWith(string? value, string? prefix) =>
        value is not null && prefix is not null && value.StartsWith(prefix, StringComparison.Ordinal);

    public static bool EndsWith(string? value, string? suffix) =>
        value is not null && suffix is not null && value.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>A missing value does not match; a match that runs past the timeout fails the condition (closed).</summary>
    public static bool Matches(string? value, System.Text.RegularExpressions.Regex pattern)
    {
        if (value is null)
            return false;
        try
        {
            return pattern.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new RuleEvaluationException($"matching `{Parsing.Literals.Clip(pattern.ToString())}` took longer than {pattern.MatchTimeout.TotalMilliseconds:0} ms");
        }
    }

    public static bool Contains(IReadOnlyList<string>? list, string? value)
    {
        if (list is null || value is null)
            return false;
        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    public static bool Contains(IReadOnlyList<decimal>? list, decimal? value) =>
        list is not null && value is not null && list.Contains(value.Value);

    /// <summary>Text compared with a number is read as a number; text that is not one fails the condition.</summary>
    public static decimal? ToNumber(string? text)
    {
        if (text is null)
            return null;
        if (decimal.TryParse(text, NumberStyles.Integer | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return number;
        throw new RuleEvaluationException($"`{Parsing.Literals.Clip(text)}` is not a number");
    }
}
