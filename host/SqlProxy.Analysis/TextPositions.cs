namespace SqlProxy.Analysis;

/// <summary>Converts PostgreSQL's character positions (Unicode code points) to .NET string positions.</summary>
internal static class TextPositions
{
    /// <summary>The 1-based UTF-16 position of the 1-based code point position, or null when unknown.</summary>
    public static int? FromCodePoints(string text, int codePointPosition)
    {
        if (codePointPosition <= 0)
        {
            return null;
        }

        var index = 0;
        for (var codePoint = 1; codePoint < codePointPosition && index < text.Length; codePoint++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return Math.Min(index, text.Length) + 1;
    }
}
