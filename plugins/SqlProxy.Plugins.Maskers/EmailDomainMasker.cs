using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary>
/// <c>email_domain</c>: hides the local part of an e-mail address and keeps its domain,
/// <c>alice@example.com</c> → <c>***@example.com</c>; the replacement is <c>local</c> (default
/// <c>***</c>). A value without exactly one <c>@</c> followed by a domain is redacted whole to
/// <c>***</c>. Non-string values are masked on their invariant text; null stays null.
/// </summary>
public sealed class EmailDomainMasker : IMasker
{
    /// <summary>What a value that is not an address becomes.</summary>
    public const string Redacted = "***";

    private const string Local = "local";
    private const string DefaultLocal = "***";
    private static readonly string[] Known = [Local];

    /// <inheritdoc />
    public string Name => "email_domain";

    /// <inheritdoc />
    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        var given = MaskerArguments.OrNone(arguments);
        var problems = new List<string>();
        MaskerArguments.CheckNames(given, Name, Known, problems);
        if (given.TryGetValue(Local, out var local) && !IsUsableLocal(local))
        {
            problems.Add($"`{Local}` must be text without `@`, not `{local}`.");
        }

        return problems;
    }

    /// <inheritdoc />
    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments)
    {
        if (MaskedValue.IsNull(value))
        {
            return null;
        }

        var text = MaskedValue.InvariantText(value);
        var at = text.IndexOf('@');
        if (at < 0 || at == text.Length - 1 || text.IndexOf('@', at + 1) >= 0)
        {
            return Redacted;
        }

        var local = MaskerArguments.Text(MaskerArguments.OrNone(arguments), Local, DefaultLocal);
        return (IsUsableLocal(local) ? local : DefaultLocal) + text[at..];
    }

    private static bool IsUsableLocal(string? local) => local is not null && !local.Contains('@');
}
