using System.Text.RegularExpressions;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>Checks names taken from settings before they go into SQL: plain identifiers only, always quoted.</summary>
internal static partial class SqlName
{
    /// <summary>Returns <paramref name="value"/> when it is a plain identifier (a letter or <c>_</c>, then letters, digits, <c>_</c>; at most 63).</summary>
    /// <exception cref="InvalidOperationException">It is not; the message names <paramref name="key"/>.</exception>
    public static string Plain(string key, string value) =>
        PlainIdentifier().IsMatch(value)
            ? value
            : throw new InvalidOperationException(
                $"`{key}` must be a plain identifier (a letter or `_`, then letters, digits or `_`, at most 63 characters), not `{value}`.");

    /// <summary>The identifier double-quoted (a checked plain identifier holds no quote).</summary>
    public static string Quote(string identifier) => "\"" + identifier + "\"";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
