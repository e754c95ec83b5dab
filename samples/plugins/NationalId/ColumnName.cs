namespace NationalId;

/// <summary>Recognises column names that announce a national ID number: <c>bsn</c>, <c>national_id</c>, <c>burgerservicenummer</c>, …</summary>
internal static class ColumnName
{
    private static readonly string[] Words = ["bsn", "burgerservicenummer", "sofinummer", "sofi"];
    private static readonly string[] Joined = ["nationalid", "nationalidentifier", "citizenservicenumber"];
    private static readonly char[] Separators = ['_', '-', ' ', '.'];

    /// <summary>Whether the name, or one of its <c>_</c>/<c>-</c>/space separated words, names a national ID.</summary>
    /// <param name="name">A column name, compared case-insensitively.</param>
    /// <returns>True when it names a national ID.</returns>
    public static bool IsNationalId(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        return lower.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(Words.Contains)
            || Joined.Any(string.Concat(lower.Split(Separators)).Contains);
    }
}
