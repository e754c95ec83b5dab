namespace SqlProxy.Rules.Parsing;

/// <summary>The reserved words of the language; they are case-insensitive.</summary>
static class Keywords
{
    static readonly Dictionary<string, RuleToken> ByText = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rule"] = RuleToken.Rule,
        ["allow"] = RuleToken.Allow,
        ["block"] = RuleToken.Block,
        ["on"] = RuleToken.On,
        ["when"] = RuleToken.When,
        ["unless"] = RuleToken.Unless,
        ["because"] = RuleToken.Because,
        ["and"] = RuleToken.And,
        ["or"] = RuleToken.Or,
        ["not"] = RuleToken.Not,
        ["in"] = RuleToken.In,
        ["contains"] = RuleToken.Contains,
        ["has"] = RuleToken.Has,
        ["mask"] = RuleToken.Mask,
        ["with"] = RuleToken.With,
        ["filter"] = RuleToken.Filter,
        ["where"] = RuleToken.Where,
        ["limit"] = RuleToken.Limit,
        ["include"] = RuleToken.Include,
    };

    public static bool TryGet(string word, out RuleToken kind) => ByText.TryGetValue(word, out kind);

    public static bool IsKeyword(string word) => ByText.ContainsKey(word);

    public static bool IsKeyword(RuleToken kind) => kind >= RuleToken.Rule;

    /// <summary>Tokens that can only begin a rule, used to resynchronise after an error and to spot a missing <c>;</c>.</summary>
    public static bool StartsRule(RuleToken kind) => kind is RuleToken.Rule or RuleToken.Allow or RuleToken.Block
        or RuleToken.Mask or RuleToken.Filter or RuleToken.Limit or RuleToken.Include;

    /// <summary>The message for a word the next version of the language will give a meaning to, or null.</summary>
    public static string? NotSupportedYet(RuleToken kind) => kind switch
    {
        RuleToken.Mask or RuleToken.With => "masks are not supported yet",
        RuleToken.Filter or RuleToken.Where => "row filters are not supported yet",
        RuleToken.Limit => "row limits are not supported yet",
        _ => null,
    };
}
