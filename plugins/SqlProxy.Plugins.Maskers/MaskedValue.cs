using System.Globalization;

namespace SqlProxy.Plugins.Maskers;

/// <summary>How maskers see a database value: null or its invariant text form.</summary>
internal static class MaskedValue
{
    /// <summary>True for a missing value: <c>null</c> or <see cref="DBNull"/>.</summary>
    public static bool IsNull(object? value) => value is null or DBNull;

    /// <summary>
    /// The value's text, the same on every machine: strings as they are, bytes as upper-case hex,
    /// dates and times in ISO 8601, numbers in the invariant culture. A value whose
    /// <c>ToString</c> throws reads as the empty string, so masking never fails on it.
    /// </summary>
    public static string InvariantText(object? value)
    {
        try
        {
            return value switch
            {
                null or DBNull => "",
                string text => text,
                byte[] bytes => Convert.ToHexString(bytes),
                DateTime dateTime => dateTime.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset dateTimeOffset => dateTimeOffset.ToString("O", CultureInfo.InvariantCulture),
                DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
                TimeOnly time => time.ToString("O", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture) ?? "",
                _ => value.ToString() ?? "",
            };
        }
        catch (Exception)
        {
            return "";
        }
    }
}
