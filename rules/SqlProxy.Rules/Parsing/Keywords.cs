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
        ["script"] = RuleToken.Script,
    };

    public static bool TryGet(string word, out RuleToken kind) => ByText.TryGetValue(word, out kind);

    public static bool IsKeyword(string word) => ByText.ContainsKey(word);

    public static bool IsKeyword(RuleToken kind) => kind >= RuleToken.Rule;

    /// <summary>Tokens that can only begin a rule or a declaration, used to resynchronise after an error and to spot a missing <c>;</c>.</summary>
    public static bool StartsRule(RuleToken kind) => kind is RuleToken.Rule or RuleToken.Allow or RuleToken.Block
        or RuleToken.Mask or RuleToken.Filter or RuleToken.Limit or RuleToken.Include or RuleToken.Script;
}
