namespace SqlProxy.Host.RuleTests;

/// <summary>
/// A cursor over one line of a test file: bare words (up to a space, <c>,</c> or <c>=</c>), quoted strings
/// (<c>'it''s'</c>), double-quoted names (<c>"Full Name"</c>) and punctuation, each with its 1-based column.
/// </summary>
internal sealed class TestLine(string text, int number)
{
    private int position;

    public int Number => number;

    /// <summary>The column of the next token (or of the end of the line).</summary>
    public int Column
    {
        get
        {
            SkipSpaces();
            return position + 1;
        }
    }

    /// <summary>How many spaces or tabs the line starts with.</summary>
    public int Indent => text.Length - text.TrimStart(' ', '\t').Length;

    public bool AtEnd => Column > text.Length;

    public char? Peek => AtEnd ? null : text[position];

    /// <summary>The rest of the line, trimmed, consumed.</summary>
    public string Rest()
    {
        SkipSpaces();
        var rest = text[position..].TrimEnd();
        position = text.Length;
        return rest;
    }

    /// <summary>Consumes <paramref name="c"/> when it comes next.</summary>
    public bool Accept(char c)
    {
        if (Peek != c) return false;
        position++;
        return true;
    }

    /// <summary>Consumes the bare word <paramref name="word"/> when it comes next.</summary>
    public bool Accept(string word)
    {
        var start = Column - 1;
        if (PeekWord() != word) return false;
        position = start + word.Length;
        return true;
    }

    /// <summary>The next bare word, consumed; null when a quote, punctuation or the end comes next.</summary>
    public string? Word()
    {
        var word = PeekWord();
        if (word is not null) position += word.Length;
        return word;
    }

    /// <summary>
    /// The next value: a quoted string, a double-quoted name or a bare word, consumed.
    /// <paramref name="error"/> is set (and null returned) for an unterminated quote.
    /// </summary>
    public string? Value(out string? error)
    {
        error = null;
        return Peek switch
        {
            '\'' => Quoted('\'', out error),
            '"' => Quoted('"', out error),
            _ => Word(),
        };
    }

    /// <summary>
    /// The next name, consumed: a bare word folds to lower case as PostgreSQL folds it, a double-quoted name is kept
    /// exactly. <paramref name="error"/> is set (and null returned) for an unterminated quote.
    /// </summary>
    public string? Name(out string? error)
    {
        error = null;
        return Peek == '"' ? Quoted('"', out error) : Word()?.ToLowerInvariant();
    }

    /// <summary>The next bare word, not consumed.</summary>
    public string? PeekWord()
    {
        SkipSpaces();
        var end = position;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (',' or '=' or '\'' or '"')) end++;
        return end == position ? null : text[position..end];
    }

    /// <summary>Text between <paramref name="quote"/>s; a doubled quote stands for one.</summary>
    private string? Quoted(char quote, out string? error)
    {
        var value = new System.Text.StringBuilder();
        for (var i = position + 1; i < text.Length; i++)
        {
            if (text[i] != quote)
            {
                value.Append(text[i]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == quote)
            {
                value.Append(quote);
                i++;
                continue;
            }
            position = i + 1;
            error = null;
            return value.ToString();
        }
        error = $"the {(quote == '\'' ? "string" : "name")} is not closed: `{quote}` is missing at the end of the line";
        position = text.Length;
        return null;
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] is ' ' or '\t') position++;
    }
}
