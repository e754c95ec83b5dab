using SqlProxy.Rules.Ast;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace SqlProxy.Rules.Parsing;

/// <summary>
/// The Superpower combinators for one rule:
/// <code>
/// include   = "include" string ";"
/// rule      = [ "rule" string ] ( "allow" | "block" ) action { "," action } "on" scope { "," scope }
///             { ( "when" | "unless" ) condition } [ "because" string ] ";"
/// scope     = "*" | name { "." name }
/// condition = and { "or" and } ;  and = unary { "and" unary } ;  unary = "not" unary | comparison
/// comparison= operand [ ( "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in" | "not" "in" | "contains" ) operand ]
/// operand   = string | number | "true" | "false" | "(" [ condition { "," condition } ] ")" | path [ "has" "role" string | "(" args ")" ]
/// </code>
/// </summary>
static class RuleGrammar
{
    static readonly string[] AfterScopes = ["`,`", "`when`", "`unless`", "`because`", "`;`"];
    static readonly string[] AfterClauses = ["`when`", "`unless`", "`because`", "`;`"];
    static readonly string[] AfterReason = ["`;`"];
    static readonly string[] AfterCondition = ["`and`", "`or`", "end of condition"];

    static SourcePosition At(Token<RuleToken> token) => new(token.Position.Line, token.Position.Column);

    static TokenListParser<RuleToken, Token<RuleToken>> Is(RuleToken kind) => Token.EqualTo(kind);

    /// <summary>The position of the next token, consuming nothing.</summary>
    static readonly TokenListParser<RuleToken, SourcePosition> Here = input =>
    {
        var next = input.ConsumeToken();
        return TokenListParserResult.Value(next.HasValue ? At(next.Value) : default, input, input);
    };

    /// <summary>Fails with a clear message on a word reserved for the next version, and otherwise fails quietly.</summary>
    static TokenListParser<RuleToken, T> NotSupportedYet<T>() => input =>
    {
        var next = input.ConsumeToken();
        if (next.HasValue && Keywords.NotSupportedYet(next.Value.Kind) is { } message)
            return TokenListParserResult.Empty<RuleToken, T>(next.Remainder, next.Value.Position, message);
        return TokenListParserResult.Empty<RuleToken, T>(input);
    };

    /// <summary>Accepts a token that may follow a condition without consuming it; the error lists what may continue one.</summary>
    static readonly TokenListParser<RuleToken, Unit> EndOfCondition = input =>
    {
        var next = input.ConsumeToken();
        if (!next.HasValue || next.Value.Kind is RuleToken.When or RuleToken.Unless or RuleToken.Because or RuleToken.Semicolon)
            return TokenListParserResult.Value(Unit.Value, input, input);
        var notYet = NotSupportedYet<Unit>()(input);
        return notYet.Remainder != input ? notYet : TokenListParserResult.Empty<RuleToken, Unit>(input, AfterCondition);
    };

    static TokenListParser<RuleToken, Unit> EndOfRule(string[] expected) => input =>
    {
        var next = input.ConsumeToken();
        if (next.HasValue && next.Value.Kind == RuleToken.Semicolon)
            return TokenListParserResult.Value(Unit.Value, input, next.Remainder);
        var notYet = NotSupportedYet<Unit>()(input);
        return notYet.Remainder != input ? notYet : TokenListParserResult.Empty<RuleToken, Unit>(input, expected);
    };

    static readonly TokenListParser<RuleToken, string> Text =
        Is(RuleToken.String).Select(t => Literals.UnquoteString(t.ToStringValue()));

    static readonly TokenListParser<RuleToken, Token<RuleToken>> Name =
        Is(RuleToken.Identifier).Or(Is(RuleToken.QuotedIdentifier));

    // After a dot a keyword cannot be misread, so `testdb.public.limit` needs no quotes.
    static readonly TokenListParser<RuleToken, Token<RuleToken>> DottedName =
        Is(RuleToken.Dot).IgnoreThen(Name.Or(Token.Matching<RuleToken>(Keywords.IsKeyword, "identifier")).Named("identifier"));

    static ValueList<string> Names(Token<RuleToken> first, Token<RuleToken>[] rest) =>
        new([Literals.Name(first.ToStringValue()), .. rest.Select(t => Literals.Name(t.ToStringValue()))]);

    static ValueList<string> WrittenNames(Token<RuleToken> first, Token<RuleToken>[] rest) =>
        new([first.ToStringValue(), .. rest.Select(t => t.Kind == RuleToken.QuotedIdentifier ? Literals.Name(t.ToStringValue()) : t.ToStringValue())]);

    static readonly TokenListParser<RuleToken, ActionNode> Action =
        Is(RuleToken.Identifier).Select(t => new ActionNode(t.ToStringValue().ToLowerInvariant(), At(t))).Named("action");

    static readonly TokenListParser<RuleToken, ScopeNode> Scope =
        Is(RuleToken.Star).Select(t => new ScopeNode(ValueList<string>.Empty, At(t)))
            .Or(from first in Name
                from rest in DottedName.Many()
                select new ScopeNode(Names(first, rest), At(first)))
            .Named("scope");

    static readonly TokenListParser<RuleToken, ExpressionNode> Literal =
        Is(RuleToken.String).Select(t => (ExpressionNode)new TextNode(Literals.UnquoteString(t.ToStringValue()), At(t)))
            .Or(Is(RuleToken.Number).Select(t => (ExpressionNode)new NumberNode(decimal.Parse(t.ToStringValue(), System.Globalization.CultureInfo.InvariantCulture), At(t))))
            .Or(Token.EqualToValueIgnoreCase(RuleToken.Identifier, "true").Select(t => (ExpressionNode)new BoolNode(true, At(t))))
            .Or(Token.EqualToValueIgnoreCase(RuleToken.Identifier, "false").Select(t => (ExpressionNode)new BoolNode(false, At(t))));

    // `(x)` groups; `()` and `(x, y, …)` are lists.
    static readonly TokenListParser<RuleToken, ExpressionNode> Parenthesized =
        from open in Is(RuleToken.LParen)
        from items in Parse.Ref(() => Condition!).ManyDelimitedBy(Is(RuleToken.Comma))
        from close in Is(RuleToken.RParen)
        select items.Length == 1 ? items[0] : new ListNode(new ValueList<ExpressionNode>(items), At(open));

    static TokenListParser<RuleToken, ExpressionNode> HasRole(ValueList<string> subject, SourcePosition at) =>
        from has in Is(RuleToken.Has)
        from role in Token.EqualToValueIgnoreCase(RuleToken.Identifier, "role").Named("`role`")
        from name in Text.Named("role name")
        select (ExpressionNode)new HasRoleNode(subject, name, at);

    static TokenListParser<RuleToken, ExpressionNode> Call(ValueList<string> path, SourcePosition at) =>
        from open in Is(RuleToken.LParen)
        from arguments in Parse.Ref(() => Condition!).ManyDelimitedBy(Is(RuleToken.Comma))
        from close in Is(RuleToken.RParen)
        select (ExpressionNode)new CallNode(path, new ValueList<ExpressionNode>(arguments), at);

    // Property names fold like SQL names; a function's name is kept as written, since JavaScript's are case-sensitive.
    static readonly TokenListParser<RuleToken, ExpressionNode> Reference =
        from first in Is(RuleToken.Identifier)
        from rest in DottedName.Many()
        let path = Names(first, rest)
        from tail in HasRole(path, At(first)).Or(Call(WrittenNames(first, rest), At(first))).Select(node => (ExpressionNode?)node).OptionalOrDefault()
        select tail ?? new PropertyNode(path, At(first));

    static readonly TokenListParser<RuleToken, ExpressionNode> Operand = Parenthesized.Or(Literal).Or(Reference).Named("value");

    static TokenListParser<RuleToken, (BinaryOperator Operator, SourcePosition At)> Operator(RuleToken kind, BinaryOperator op) =>
        Is(kind).Select(t => (op, At(t)));

    static readonly TokenListParser<RuleToken, (BinaryOperator Operator, SourcePosition At)> ComparisonOperator =
        Operator(RuleToken.Equal, BinaryOperator.Equal)
            .Or(Operator(RuleToken.NotEqual, BinaryOperator.NotEqual))
            .Or(Operator(RuleToken.Less, BinaryOperator.Less))
            .Or(Operator(RuleToken.LessOrEqual, BinaryOperator.LessOrEqual))
            .Or(Operator(RuleToken.Greater, BinaryOperator.Greater))
            .Or(Operator(RuleToken.GreaterOrEqual, BinaryOperator.GreaterOrEqual))
            .Or(Operator(RuleToken.In, BinaryOperator.In))
            .Or(Operator(RuleToken.Contains, BinaryOperator.Contains))
            .Or(from notWord in Is(RuleToken.Not)
                from inWord in Is(RuleToken.In)
                select (BinaryOperator.NotIn, At(notWord)));

    static readonly TokenListParser<RuleToken, ExpressionNode> Comparison =
        from left in Operand
        from compare in ComparisonOperator
            .Then(op => Operand.Select(right => new Func<ExpressionNode, ExpressionNode>(l => new BinaryNode(op.Operator, l, right, op.At))))
            .Select(f => (Func<ExpressionNode, ExpressionNode>?)f)
            .OptionalOrDefault()
        select compare is null ? left : compare(left);

    static readonly TokenListParser<RuleToken, ExpressionNode> Unary =
        (from notWord in Is(RuleToken.Not)
         from operand in Parse.Ref(() => Unary!)
         select (ExpressionNode)new NotNode(operand, At(notWord)))
        .Or(Comparison)
        .Named("condition");

    static readonly TokenListParser<RuleToken, ExpressionNode> Conjunction =
        Parse.Chain(Operator(RuleToken.And, BinaryOperator.And), Unary, (op, left, right) => new BinaryNode(op.Operator, left, right, op.At));

    public static readonly TokenListParser<RuleToken, ExpressionNode> Condition =
        Parse.Chain(Operator(RuleToken.Or, BinaryOperator.Or), Conjunction, (op, left, right) => new BinaryNode(op.Operator, left, right, op.At));

    static readonly TokenListParser<RuleToken, ClauseNode> Clause =
        from kind in Is(RuleToken.When).Value(ClauseKind.When).Or(Is(RuleToken.Unless).Value(ClauseKind.Unless))
        from condition in Condition
        from end in EndOfCondition
        select new ClauseNode(kind, condition);

    static readonly TokenListParser<RuleToken, Effect> EffectWord =
        Is(RuleToken.Allow).Value(Effect.Allow)
            .Or(Is(RuleToken.Block).Value(Effect.Block))
            .Or(NotSupportedYet<Effect>());

    static readonly TokenListParser<RuleToken, (string? Name, Effect Effect)> Head =
        (from keyword in Is(RuleToken.Rule)
         from name in Text.Named("rule name")
         from effect in EffectWord
         select ((string?)name, effect))
        .Or(EffectWord.Select(effect => ((string?)null, effect)));

    public static readonly TokenListParser<RuleToken, IncludeNode> Include =
        from includeWord in Is(RuleToken.Include)
        from path in Text.Named("file name")
        from end in EndOfRule(AfterReason)
        select new IncludeNode(path, At(includeWord));

    public static readonly TokenListParser<RuleToken, RuleNode> Rule =
        from start in Here
        from head in Head
        from actions in Action.AtLeastOnceDelimitedBy(Is(RuleToken.Comma))
        from onWord in Is(RuleToken.On)
        from scopes in Scope.AtLeastOnceDelimitedBy(Is(RuleToken.Comma))
        from clauses in Clause.Many()
        from reason in Is(RuleToken.Because).IgnoreThen(Text.Named("reason")).Select(r => (string?)r).OptionalOrDefault()
        from end in EndOfRule(reason is not null ? AfterReason : clauses.Length > 0 ? AfterClauses : AfterScopes)
        select new RuleNode(
            head.Name,
            head.Effect,
            new ValueList<ActionNode>(actions),
            new ValueList<ScopeNode>(scopes),
            new ValueList<ClauseNode>(clauses),
            reason,
            start);
}
