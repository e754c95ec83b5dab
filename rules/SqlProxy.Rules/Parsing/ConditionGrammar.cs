using SqlProxy.Rules.Ast;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using static SqlProxy.Rules.Parsing.Lexemes;

namespace SqlProxy.Rules.Parsing;

/// <summary>
/// The combinators for <c>when</c>/<c>unless</c> clauses:
/// <code>
/// clause    = ( "when" | "unless" ) condition
/// condition = and { "or" and } ;  and = unary { "and" unary } ;  unary = "not" unary | comparison
/// comparison= operand [ ( "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in" | "not" "in" | "contains" ) operand ]
/// operand   = string | number | "true" | "false" | "(" [ condition { "," condition } ] ")" | path [ "has" "role" string | "(" args ")" ]
/// </code>
/// </summary>
static class ConditionGrammar
{
    static readonly string[] AfterCondition = ["`and`", "`or`", "end of condition"];

    /// <summary>Accepts a token that may follow a condition without consuming it; the error lists what may continue one.</summary>
    static readonly TokenListParser<RuleToken, Unit> EndOfCondition = input =>
    {
        var next = input.ConsumeToken();
        if (!next.HasValue || next.Value.Kind is RuleToken.When or RuleToken.Unless or RuleToken.Because or RuleToken.Semicolon)
            return TokenListParserResult.Value(Unit.Value, input, input);
        return TokenListParserResult.Empty<RuleToken, Unit>(input, AfterCondition);
    };

    /// <summary>Fails on <c>=</c> where a comparison may stand, with a hint; consumes it so the message is not lost among alternatives.</summary>
    static readonly TokenListParser<RuleToken, (BinaryOperator Operator, SourcePosition At)> MistakenAssign = input =>
    {
        var next = input.ConsumeToken();
        if (next.HasValue && next.Value.Kind == RuleToken.Assign)
            return TokenListParserResult.Empty<RuleToken, (BinaryOperator, SourcePosition)>(
                next.Remainder, next.Value.Position, ParseHelp.Join("`=` is not an operator", "try `==`"));
        return TokenListParserResult.Empty<RuleToken, (BinaryOperator, SourcePosition)>(input);
    };

    static readonly TokenListParser<RuleToken, ExpressionNode> Literal =
        TextValue.Select(t => (ExpressionNode)t)
            .Or(NumberValue.Select(n => (ExpressionNode)n))
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
        from role in Word("role")
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

    // `starts with` and `ends with`: contextual words, so `starts` and `ends` stay usable as names.
    static TokenListParser<RuleToken, (BinaryOperator Operator, SourcePosition At)> TextOperator(string word, BinaryOperator op) =>
        from first in Token.EqualToValueIgnoreCase(RuleToken.Identifier, word)
        from with in Is(RuleToken.With)
        select (op, At(first));

    static readonly TokenListParser<RuleToken, (BinaryOperator Operator, SourcePosition At)> ComparisonOperator =
        Operator(RuleToken.Equal, BinaryOperator.Equal)
            .Or(Operator(RuleToken.NotEqual, BinaryOperator.NotEqual))
            .Or(Operator(RuleToken.Less, BinaryOperator.Less))
            .Or(Operator(RuleToken.LessOrEqual, BinaryOperator.LessOrEqual))
            .Or(Operator(RuleToken.Greater, BinaryOperator.Greater))
            .Or(Operator(RuleToken.GreaterOrEqual, BinaryOperator.GreaterOrEqual))
            .Or(Operator(RuleToken.In, BinaryOperator.In))
            .Or(Operator(RuleToken.Contains, BinaryOperator.Contains))
            .Or(TextOperator("starts", BinaryOperator.StartsWith))
            .Or(TextOperator("ends", BinaryOperator.EndsWith))
            .Or(Token.EqualToValueIgnoreCase(RuleToken.Identifier, "matches").Select(t => (BinaryOperator.Matches, At(t))))
            .Or(from notWord in Is(RuleToken.Not)
                from inWord in Is(RuleToken.In)
                select (BinaryOperator.NotIn, At(notWord)))
            .Or(MistakenAssign);

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

    public static readonly TokenListParser<RuleToken, ClauseNode> Clause =
        from kind in Is(RuleToken.When).Value(ClauseKind.When).Or(Is(RuleToken.Unless).Value(ClauseKind.Unless))
        from condition in Condition
        from end in EndOfCondition
        select new ClauseNode(kind, condition);
}
