using FsCheck;
using FsCheck.Fluent;
using SqlProxy.Rules.Ast;

namespace SqlProxy.Rules.Tests.Properties;

/// <summary>
/// Random syntax trees, including names that need quoting (keywords, capitals, spaces, quotes) and strings with
/// quotes in them. Never a one-item list: the parser reads <c>(x)</c> as <c>x</c>.
/// </summary>
public static class SyntaxGenerators
{
    static readonly SourcePosition Nowhere = default;

    static readonly Gen<string> Word = Gen.Elements("user", "name", "roles", "region", "x", "table_1", "über", "select", "role", "a$b");

    static readonly Gen<string> AnyName = Gen.OneOf(
        Word,
        Gen.Elements("Name", "my table", "limit", "rule", "and", "we\"ird", "1st", "", "ünï Çödé", "ALL"));

    static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.Elements("", "north", "it's", "''", "a \"quoted\" word", "#not a comment", "semi;colon", "tab\there", "ünï"),
        Gen.ArrayOf(Gen.Elements('a', 'Z', ' ', '\'', '"', ';', '#', '(', ')', '*', ',', '.', 'é')).Select(chars => new string(chars)));

    static Gen<ValueList<T>> ListOf<T>(Gen<T> item, int most) =>
        Gen.Choose(0, most).SelectMany(n => Gen.ArrayOf(item, n)).Select(items => new ValueList<T>(items));

    static Gen<ValueList<string>> Path(Gen<string> first) =>
        from head in first
        from tail in ListOf(AnyName, 3)
        select new ValueList<string>([head, .. tail]);

    static readonly Gen<ExpressionNode> Literal = Gen.OneOf(
        AnyText.Select(text => (ExpressionNode)new TextNode(text, Nowhere)),
        Gen.Choose(-1000, 1000).Select(n => (ExpressionNode)new NumberNode(n, Nowhere)));

    static readonly Gen<ExpressionNode> Leaf = Gen.OneOf(
        Literal,
        Path(Word).Select(path => (ExpressionNode)new PropertyNode(path, Nowhere)),
        from subject in Path(Word) from role in AnyText select (ExpressionNode)new HasRoleNode(subject, role, Nowhere));

    static Gen<ExpressionNode> Expression(int size)
    {
        if (size <= 1)
            return Leaf;
        var smaller = Gen.Sized(s => Expression(Math.Min(s, size / 2)));
        var list = Gen.Choose(0, 3).Where(n => n != 1).SelectMany(n => Gen.ArrayOf(smaller, n))
            .Select(items => (ExpressionNode)new ListNode(new ValueList<ExpressionNode>(items), Nowhere));
        var call = from path in Path(Word) from args in ListOf(smaller, 3) select (ExpressionNode)new CallNode(path, args, Nowhere);
        var not = smaller.Select(operand => (ExpressionNode)new NotNode(operand, Nowhere));
        var binary =
            from op in Gen.Elements(Enum.GetValues<BinaryOperator>())
            from left in smaller
            from right in smaller
            select (ExpressionNode)new BinaryNode(op, left, right, Nowhere);
        return Gen.Frequency((2, Leaf), (1, list), (1, call), (2, not), (4, binary));
    }

    static readonly Gen<ScopeNode> Scope = Gen.OneOf(
        Gen.Constant(new ScopeNode(ValueList<string>.Empty, Nowhere)),
        Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(AnyName, n)).Select(parts => new ScopeNode(new ValueList<string>(parts), Nowhere)));

    static readonly Gen<RuleNode> Rule =
        from name in Gen.OneOf(Gen.Constant<string?>(null), AnyText.Select(t => (string?)t))
        from effect in Gen.Elements(Effect.Allow, Effect.Block)
        from actions in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Word.Select(w => new ActionNode(w, Nowhere)), n))
        from scopes in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Scope, n))
        from clauses in ListOf(
            from kind in Gen.Elements(ClauseKind.When, ClauseKind.Unless)
            from condition in Gen.Sized(Expression)
            select new ClauseNode(kind, condition), 3)
        from reason in Gen.OneOf(Gen.Constant<string?>(null), AnyText.Select(t => (string?)t))
        select new RuleNode(name, effect, new ValueList<ActionNode>(actions), new ValueList<ScopeNode>(scopes), clauses, reason, Nowhere);

    public static Arbitrary<GeneratedRule> Rules() => Rule.Select(rule => new GeneratedRule(rule)).ToArbitrary();
}
