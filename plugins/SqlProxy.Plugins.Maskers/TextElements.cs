using System.Globalization;

namespace SqlProxy.Plugins.Maskers;

/// <summary>Text split into user-perceived characters (grapheme clusters), so <c>é</c> and emoji stay whole.</summary>
internal static class TextElements
{
    /// <summary>The start index of every text element of <paramref name="text"/>, in order.</summary>
    public static int[] Starts(string text) => StringInfo.ParseCombiningCharacters(text);

    /// <summary>How many text elements <paramref name="text"/> has.</summary>
    public static int Count(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// True for exactly one text element that stays one when repeated (so <c>***</c> counts as three):
    /// not empty, not a control character, not a combining mark or half of a flag.
    /// </summary>
    public static bool IsSingleRepeatable(string? text) =>
        !string.IsNullOrEmpty(text) && !char.IsControl(text[0]) && Count(text) == 1 && Count(text + text) == 2;
}
