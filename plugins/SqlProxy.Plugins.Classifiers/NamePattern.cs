namespace SqlProxy.Plugins.Classifiers;

/// <summary>
/// A column-name pattern, matched on words rather than characters: the name's last words must be
/// <see cref="Phrase"/> (the head of an English compound comes last: <c>contact_email</c> is an
/// e-mail, <c>email_verified</c> is not), optionally followed by one of <see cref="Suffixes"/>
/// (<c>phone_number</c>) and by digits (<c>email2</c>).
/// </summary>
/// <param name="Phrase">The words the name ends with.</param>
/// <param name="Suffixes">Words that may follow the phrase without changing what the column holds.</param>
/// <param name="NotAfter">Words that, right before the phrase, mean something else (<c>ip_address</c>).</param>
/// <param name="WholeName">Whether the name must be exactly the phrase (plus suffix), with nothing before it.</param>
internal sealed record NamePattern(string[] Phrase, string[] Suffixes, string[] NotAfter, bool WholeName = false)
{
    public bool Matches(IReadOnlyList<string> words)
    {
        var end = words.Count;
        while (end > 1 && words[end - 1].All(char.IsAsciiDigit))
        {
            end--;
        }

        return MatchesEndingAt(words, end)
            || (end > 1 && Suffixes.Contains(words[end - 1]) && MatchesEndingAt(words, end - 1));
    }

    private bool MatchesEndingAt(IReadOnlyList<string> words, int end)
    {
        var start = end - Phrase.Length;
        if (start < 0 || (WholeName && start > 0))
        {
            return false;
        }

        for (var i = 0; i < Phrase.Length; i++)
        {
            if (words[start + i] != Phrase[i])
            {
                return false;
            }
        }

        return start == 0 || !NotAfter.Contains(words[start - 1]);
    }
}
