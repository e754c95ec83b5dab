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
        Gen.Elements("Name", "my table", "limit", "rule", "and", "we\"ird", "1st", "", "ünï Çödé", "ALL", "label", "script", "mask"));

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

    static readonly Gen<ValueList<ScopeNode>> Scopes = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Scope, n)).Select(s => new ValueList<ScopeNode>(s));

    static readonly Gen<MaskerNode> Masker =
        from name in AnyName
        from arguments in ListOf(
            from argument in AnyName
            from value in Literal
            select new MaskArgumentNode(argument, value, Nowhere), 3)
        select new MaskerNode(name, arguments, Nowhere);

    delegate RuleNode RuleMaker(string? name, ValueList<ClauseNode> clauses, string? reason);

    static readonly Gen<RuleMaker> Access =
        from effect in Gen.Elements(Effect.Allow, Effect.Block)
        from actions in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Word.Select(w => new ActionNode(w, Nowhere)), n))
        from scopes in Scopes
        select new RuleMaker((name, clauses, reason) => new AccessRuleNode(name, effect, new ValueList<ActionNode>(actions), scopes, clauses, reason, Nowhere));

    // A mask covers scopes or labels, never both.
    static readonly Gen<RuleMaker> Mask =
        from labels in Gen.OneOf(Gen.Constant(ValueList<string>.Empty), Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(AnyText, n)).Select(l => new ValueList<string>(l)))
        from scopes in labels.Count > 0 ? Gen.Constant(ValueList<ScopeNode>.Empty) : Scopes
        from masker in Masker
        select new RuleMaker((name, clauses, reason) => new MaskRuleNode(name, scopes, labels, masker, clauses, reason, Nowhere));

    static readonly Gen<RuleMaker> Filter =
        from scopes in Scopes
        from predicate in Gen.OneOf(AnyText, Gen.Elements("region = {user.attributes.region}", "{{", "owner = {user.name} or {user.name} = ''x''"))
        select new RuleMaker((name, clauses, reason) => new FilterRuleNode(name, scopes, new TextNode(predicate, Nowhere), clauses, reason, Nowhere));

    static readonly Gen<RuleMaker> Limit =
        from rows in Gen.Choose(-10, 1_000_000)
        from scopes in Scopes
        select new RuleMaker((name, clauses, reason) => new LimitRuleNode(name, new NumberNode(rows, Nowhere), scopes, clauses, reason, Nowhere));

    static readonly Gen<RuleNode> Rule =
        from name in Gen.OneOf(Gen.Constant<string?>(null), AnyText.Select(t => (string?)t))
        from body in Gen.Frequency((3, Access), (2, Mask), (1, Filter), (1, Limit))
        from clauses in ListOf(
            from kind in Gen.Elements(ClauseKind.When, ClauseKind.Unless)
            from condition in Gen.Sized(Expression)
            select new ClauseNode(kind, condition), 3)
        from reason in Gen.OneOf(Gen.Constant<string?>(null), AnyText.Select(t => (string?)t))
        select body(name, clauses, reason);

    public static Arbitrary<GeneratedRule> Rules() => Rule.Select(rule => new GeneratedRule(rule)).ToArbitrary();
}
