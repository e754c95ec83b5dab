using System.Text;

namespace SqlProxy.Rules.Parsing;

/// <summary>Reading and writing strings and names as they appear in rules text.</summary>
static class Literals
{
    /// <summary><c>'it''s'</c> → <c>it's</c>.</summary>
    public static string UnquoteString(string token) => token[1..^1].Replace("''", "'", StringComparison.Ordinal);

    public static string QuoteString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// The name an identifier token stands for: bare words fold to lower case as PostgreSQL folds them,
    /// double-quoted ones are kept exactly.
    /// </summary>
    public static string Name(string token) => token.StartsWith('"')
        ? token[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
        : token.ToLowerInvariant();

    /// <summary>Writes a name so that it reads back as itself: bare when it can be, double-quoted otherwise.</summary>
    public static string FormatName(string name)
    {
        if (IsBareName(name))
            return name;
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes a name kept as written (not folded): bare when it is a plain word, double-quoted otherwise.</summary>
    public static string FormatWrittenName(string name) =>
        IsBareName(name.ToLowerInvariant()) ? name : FormatName(name);

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    static bool IsBareName(string name)
    {
        if (name.Length == 0 || !IsIdentifierStart(name[0]) || Keywords.IsKeyword(name))
            return false;
        foreach (var c in name)
        {
            if (!IsIdentifierPart(c) || char.ToLowerInvariant(c) != c)
                return false;
        }
        return true;
    }

    /// <summary>Text as it may be quoted inside a one-line message.</summary>
    public static string Clip(string text, int length = 40)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(char.IsControl(c) ? ' ' : c);
        var flat = builder.ToString();
        return flat.Length <= length ? flat : flat[..(length - 1)] + "…";
    }
}
