using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary>
/// <c>partial</c>: keeps the first <c>keep_first</c> (default 0) and the last <c>keep_last</c>
/// (default 4) characters and replaces the rest with <c>mask_char</c> (default <c>*</c>). A value no
/// longer than <c>keep_first + keep_last</c> is masked whole, never shown. Characters are text
/// elements, so accented letters and emoji are never cut in half; the output has as many as the input.
/// Non-string values are masked on their invariant text; null stays null.
/// </summary>
public sealed class PartialMasker : IMasker
{
    /// <summary>The largest <c>keep_first</c> or <c>keep_last</c>.</summary>
    public const int MaxKeep = 64;

    private const string KeepFirst = "keep_first";
    private const string KeepLast = "keep_last";
    private const string MaskChar = "mask_char";
    private const int DefaultKeepFirst = 0;
    private const int DefaultKeepLast = 4;
    private const string DefaultMaskChar = "*";
    private static readonly string[] Known = [KeepFirst, KeepLast, MaskChar];

    /// <inheritdoc />
    public string Name => "partial";

    /// <inheritdoc />
    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        var given = MaskerArguments.OrNone(arguments);
        var problems = new List<string>();
        MaskerArguments.CheckNames(given, Name, Known, problems);
        MaskerArguments.CheckWholeNumber(given, KeepFirst, 0, MaxKeep, problems);
        MaskerArguments.CheckWholeNumber(given, KeepLast, 0, MaxKeep, problems);
        if (given.TryGetValue(MaskChar, out var maskChar) && !TextElements.IsSingleRepeatable(maskChar))
        {
            problems.Add($"`{MaskChar}` must be exactly one visible character, not `{maskChar}`.");
        }

        return problems;
    }

    /// <inheritdoc />
    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments)
    {
        if (MaskedValue.IsNull(value))
        {
            return null;
        }

        var given = MaskerArguments.OrNone(arguments);
        var keepFirst = MaskerArguments.WholeNumber(given, KeepFirst, 0, MaxKeep, DefaultKeepFirst);
        var keepLast = MaskerArguments.WholeNumber(given, KeepLast, 0, MaxKeep, DefaultKeepLast);
        var maskChar = MaskerArguments.Text(given, MaskChar, DefaultMaskChar);
        if (!TextElements.IsSingleRepeatable(maskChar))
        {
            maskChar = DefaultMaskChar;
        }

        return Mask(MaskedValue.InvariantText(value), keepFirst, keepLast, maskChar);
    }

    private static string Mask(string text, int keepFirst, int keepLast, string maskChar)
    {
        var starts = TextElements.Starts(text);
        var count = starts.Length;
        if (count <= keepFirst + keepLast)
        {
            return Repeat(maskChar, count);
        }

        var headEnd = keepFirst == 0 ? 0 : starts[keepFirst];
        var tailStart = keepLast == 0 ? text.Length : starts[count - keepLast];
        var masked = new StringBuilder(text.Length + (maskChar.Length * count))
            .Append(text, 0, headEnd)
            .Insert(headEnd, maskChar, count - keepFirst - keepLast)
            .Append(text, tailStart, text.Length - tailStart)
            .ToString();

        // Kept characters can join the mask character into one (a trailing prepend mark, a leading
        // combining mark after a control character): then the count would lie, so mask it all.
        return TextElements.Count(masked) == count ? masked : Repeat(maskChar, count);
    }

    private static string Repeat(string maskChar, int count) => new StringBuilder(maskChar.Length * count).Insert(0, maskChar, count).ToString();
}
