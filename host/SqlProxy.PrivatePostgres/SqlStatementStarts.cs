namespace SqlProxy.PrivatePostgres;

/// <summary>Where each statement of a multi-statement script starts, split the way Npgsql splits a command's text:
/// on top-level semicolons (not inside quotes, dollar quotes or comments), leading whitespace skipped, and a
/// whitespace-only piece after the last semicolon dropped. PostgreSQL's error positions count from these starts.</summary>
internal static class SqlStatementStarts
{
    public static IReadOnlyList<int> Find(string sql)
    {
        var starts = new List<int>();
        var pieceStart = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == ';')
            {
                starts.Add(SkipWhitespace(sql, pieceStart));
                pieceStart = ++i;
            }
            else if (c == '\'') i = SkipQuoted(sql, i, '\'', backslashEscapes: i > 0 && (sql[i - 1] is 'E' or 'e') && !IsWordChar(sql, i - 2));
            else if (c == '"') i = SkipQuoted(sql, i, '"', backslashEscapes: false);
            else if (c == '-' && At(sql, i + 1) == '-') i = SkipLineComment(sql, i);
            else if (c == '/' && At(sql, i + 1) == '*') i = SkipBlockComment(sql, i);
            else if (c == '$' && !IsWordChar(sql, i - 1) && DollarTag(sql, i) is { } tag) i = SkipDollarQuoted(sql, i, tag);
            else i++;
        }
        var last = SkipWhitespace(sql, pieceStart);
        if (last < sql.Length) starts.Add(last);
        return starts;
    }

    private static int SkipWhitespace(string sql, int i)
    {
        while (i < sql.Length && char.IsWhiteSpace(sql[i])) i++;
        return i;
    }

    private static int SkipQuoted(string sql, int i, char quote, bool backslashEscapes)
    {
        for (i++; i < sql.Length; i++)
        {
            if (backslashEscapes && sql[i] == '\\') i++;
            else if (sql[i] == quote && At(sql, i + 1) == quote) i++;
            else if (sql[i] == quote) return i + 1;
        }
        return i;
    }

    private static int SkipLineComment(string sql, int i)
    {
        var end = sql.IndexOf('\n', i);
        return end < 0 ? sql.Length : end + 1;
    }

    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && At(sql, i + 1) == '*') { depth++; i += 2; }
            else if (sql[i] == '*' && At(sql, i + 1) == '/') { i += 2; if (--depth == 0) return i; }
            else i++;
        }
        return i;
    }

    /// <summary>The `$tag$` opening at <paramref name="i"/> (tag empty or an identifier), or null.</summary>
    private static string? DollarTag(string sql, int i)
    {
        var j = i + 1;
        if (j < sql.Length && char.IsDigit(sql[j])) return null;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_')) j++;
        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }

    private static int SkipDollarQuoted(string sql, int i, string tag)
    {
        var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + tag.Length;
    }

    private static char At(string sql, int i) => i >= 0 && i < sql.Length ? sql[i] : '\0';

    private static bool IsWordChar(string sql, int i) => At(sql, i) is var c && (char.IsLetterOrDigit(c) || c == '_' || c == '$');
}
