namespace SqlProxy.Plugins.Classifiers;

/// <summary>Splits a column name into lower-case words: <c>emailAddress2</c>, <c>EMAIL_ADDRESS_2</c> → email, address, 2.</summary>
internal static class ColumnNameWords
{
    /// <summary>Longer names are cut: PostgreSQL's own limit is 63 bytes.</summary>
    private const int MaxLength = 128;

    public static IReadOnlyList<string> Split(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }

        var text = name.Length > MaxLength ? name.AsSpan(0, MaxLength) : name.AsSpan();
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || !char.IsLetterOrDigit(text[i]) || (start >= 0 && StartsWord(text, i));
            if (boundary && start >= 0)
            {
                words.Add(text[start..i].ToString().ToLowerInvariant());
                start = -1;
            }

            if (i < text.Length && char.IsLetterOrDigit(text[i]) && start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    // camelCase, PascalCase, acronyms (SSNNumber → ssn, number) and letter/digit changes.
    private static bool StartsWord(ReadOnlySpan<char> text, int i)
    {
        char previous = text[i - 1], current = text[i];
        if (char.IsDigit(previous) != char.IsDigit(current))
        {
            return true;
        }

        if (char.IsLower(previous) && char.IsUpper(current))
        {
            return true;
        }

        return char.IsUpper(previous) && char.IsUpper(current) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }
}
