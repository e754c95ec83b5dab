using SqlProxy.Rules.Ast;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using static SqlProxy.Rules.Parsing.Lexemes;

namespace SqlProxy.Rules.Parsing;

/// <summary>
/// The combinators for one rule or declaration (conditions are in <see cref="ConditionGrammar"/>):
/// <code>
/// include  = "include" string ";"
/// script   = "script" string ";"
/// rule     = [ "rule" string ] body { clause } [ "because" string ] ";"
/// body     = ( "allow" | "block" ) action { "," action } "on" scopes
///          | "mask" ( "label" string { "," string } | scopes ) "with" masker
///          | "filter" scopes "where" string
///          | "limit" number "on" scopes
/// masker   = name [ "(" [ name "=" ( string | number ) { "," name "=" ( string | number ) } ] ")" ]
/// scopes   = scope { "," scope } ;  scope = "*" | name { "." name }
/// </code>
/// </summary>
static class RuleGrammar
{
    static readonly string[] AfterScopes = ["`,`", "`when`", "`unless`", "`because`", "`;`"];
    static readonly string[] AfterClauses = ["`when`", "`unless`", "`because`", "`;`"];
    static readonly string[] AfterReason = ["`;`"];

    /// <summary>Makes the rule once its name, clauses and reason are known.</summary>
    delegate RuleNode RuleMaker(string? name, ValueList<ClauseNode> clauses, string? reason, SourcePosition at);

    /// <summary>What a rule does, and what may follow it when the rule has no clauses.</summary>
    sealed record RuleBody(RuleMaker Make, string[] Expected);

    static readonly TokenListParser<RuleToken, ActionNode> Action =
        Is(RuleToken.Identifier).Select(t => new ActionNode(t.ToStringValue().ToLowerInvariant(), At(t))).Named("action");

    static readonly TokenListParser<RuleToken, RuleBody> AccessBody =
        from effect in Is(RuleToken.Allow).Value(Effect.Allow).Or(Is(RuleToken.Block).Value(Effect.Block))
        from actions in Action.AtLeastOnceDelimitedBy(Is(RuleToken.Comma))
        from onWord in Is(RuleToken.On)
        from scopes in Scopes
        select new RuleBody(
            (name, clauses, reason, at) => new AccessRuleNode(name, effect, new ValueList<ActionNode>(actions), scopes, clauses, reason, at),
            AfterScopes);

    // `label` is a keyword only before a string, so a database may still be called `label`.
    static readonly TokenListParser<RuleToken, string> FirstLabel =
        (from labelWord in Word("label")
         from label in Text
         select label).Try();

    static readonly TokenListParser<RuleToken, ValueList<string>> Labels =
        from first in FirstLabel
        from rest in Is(RuleToken.Comma).IgnoreThen(Text.Named("label")).Many()
        select new ValueList<string>([first, .. rest]);

    static readonly TokenListParser<RuleToken, MaskArgumentNode> Argument =
        from name in Name.Named("argument name")
        from assign in Is(RuleToken.Assign)
        from value in TextValue.Select(t => (ExpressionNode)t).Or(NumberValue.Select(n => (ExpressionNode)n)).Named("string or number")
        select new MaskArgumentNode(Literals.Name(name.ToStringValue()), value, At(name));

    static readonly TokenListParser<RuleToken, MaskArgumentNode[]> Arguments =
        from open in Is(RuleToken.LParen)
        from arguments in Argument.ManyDelimitedBy(Is(RuleToken.Comma))
        from close in Is(RuleToken.RParen)
        select arguments;

    static readonly TokenListParser<RuleToken, MaskerNode> Masker =
        from name in Name.Named("masker")
        from arguments in Arguments.OptionalOrDefault([])
        select new MaskerNode(Literals.Name(name.ToStringValue()), new ValueList<MaskArgumentNode>(arguments), At(name));

    static readonly TokenListParser<RuleToken, RuleBody> MaskBody =
        from maskWord in Is(RuleToken.Mask)
        from targets in Labels.Select(labels => (Scopes: ValueList<ScopeNode>.Empty, Labels: labels))
            .Or(Scopes.Select(scopes => (Scopes: scopes, Labels: ValueList<string>.Empty)))
        from withWord in Is(RuleToken.With)
        from masker in Masker
        select new RuleBody(
            (name, clauses, reason, at) => new MaskRuleNode(name, targets.Scopes, targets.Labels, masker, clauses, reason, at),
            AfterClauses);

    static readonly TokenListParser<RuleToken, RuleBody> FilterBody =
        from filterWord in Is(RuleToken.Filter)
        from scopes in Scopes
        from whereWord in Is(RuleToken.Where)
        from predicate in TextValue.Named("predicate")
        select new RuleBody(
            (name, clauses, reason, at) => new FilterRuleNode(name, scopes, predicate, clauses, reason, at),
            AfterClauses);

    static readonly TokenListParser<RuleToken, RuleBody> LimitBody =
        from limitWord in Is(RuleToken.Limit)
        from rows in NumberValue.Named("number of rows")
        from onWord in Is(RuleToken.On)
        from scopes in Scopes
        select new RuleBody(
            (name, clauses, reason, at) => new LimitRuleNode(name, rows, scopes, clauses, reason, at),
            AfterScopes);

    static readonly TokenListParser<RuleToken, RuleBody> Body = AccessBody.Or(MaskBody).Or(FilterBody).Or(LimitBody);

    public static readonly TokenListParser<RuleToken, IncludeNode> Include =
        from includeWord in Is(RuleToken.Include)
        from path in Text.Named("file name")
        from end in EndOfRule(AfterReason)
        select new IncludeNode(path, At(includeWord));

    public static readonly TokenListParser<RuleToken, ScriptNode> Script =
        from scriptWord in Is(RuleToken.Script)
        from path in Text.Named("file name")
        from end in EndOfRule(AfterReason)
        select new ScriptNode(path, At(scriptWord));

    public static readonly TokenListParser<RuleToken, RuleNode> Rule =
        from start in Here
        from head in (from ruleWord in Is(RuleToken.Rule)
                      from name in Text.Named("rule name")
                      from body in Body
                      select ((string?)name, body))
            .Or(Body.Select(body => ((string?)null, body)))
        let name = head.Item1
        let body = head.Item2
        from clauses in ConditionGrammar.Clause.Many()
        from reason in Is(RuleToken.Because).IgnoreThen(Text.Named("reason")).Select(r => (string?)r).OptionalOrDefault()
        from end in EndOfRule(reason is not null ? AfterReason : clauses.Length > 0 ? AfterClauses : body.Expected)
        select body.Make(name, new ValueList<ClauseNode>(clauses), reason, start);
}
