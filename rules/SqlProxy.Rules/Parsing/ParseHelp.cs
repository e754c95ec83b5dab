namespace SqlProxy.Rules.Parsing;

/// <summary>
/// Superpower carries one error message per failure; a parser that has help to give joins it to the message
/// here, and <see cref="RuleParser"/> splits the two again into a <see cref="Problem"/>.
/// </summary>
static class ParseHelp
{
    const char Separator = '\u001f';

    public static string Join(string message, string help) => message + Separator + help;

    public static (string Message, string? Help) Split(string text)
    {
        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }
}
