using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// Finds a rule's clauses that can never all hold: a conjunct that folds to false (<see cref="ConstantFolding"/>),
/// a conjunct and its negation (<c>x and not x</c>), or equalities that leave a property no possible value
/// (<c>user.name == 'a' and user.name == 'b'</c>). The clauses of a rule are read as one conjunction,
/// <c>unless c</c> as <c>not c</c>.
/// </summary>
static class NeverTrueConditions
{
    // Compared by meaning rather than by value, so two different literals may agree: `statement.kind == 'all'` holds with
    // `statement.kind == 'select'`, and `request.time == '09:00'` with `'09:00:00'`.
    static readonly HashSet<string> NotPlainValues = ["statement.kind", "request.time", "request.client_address"];

    /// <summary>The problem with the first conjunct that makes the clauses impossible, or null.</summary>
    public static Problem? Find(IReadOnlyList<ClauseNode> clauses)
    {
        foreach (var clause in clauses)
        {
            var folded = ConstantFolding.Fold(clause.Condition);
            if (clause.Kind == ClauseKind.When && folded == false)
                return NeverTrue(clause.Condition);
            if (clause.Kind == ClauseKind.Unless && folded == true)
                return Warning(clause.Condition, $"`{Clip(clause.Condition)}` always holds, so the rule never applies", FixHelp);
        }

        var conjuncts = clauses.SelectMany(clause => clause.Kind == ClauseKind.When ? Conjuncts(clause.Condition) : Negated(clause.Condition)).ToList();
        if (conjuncts.FirstOrDefault(conjunct => ConstantFolding.Fold(conjunct) == false) is { } impossible)
            return NeverTrue(impossible);

        var possible = new Dictionary<PropertyNode, (HashSet<ExpressionNode> Values, ExpressionNode Origin)>();
        for (var i = 0; i < conjuncts.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (conjuncts[i].Equals(Negate(conjuncts[j])) || conjuncts[j].Equals(Negate(conjuncts[i])))
                    return Contradiction(conjuncts[j], conjuncts[i]);
            }
            if (Narrow(possible, conjuncts[i]) is { } emptied)
                return Contradiction(emptied, conjuncts[i]);
        }
        return null;
    }

    /// <summary>
    /// Applies <c>p == v</c>, <c>p in (…)</c>, <c>p != v</c> or <c>p not in (…)</c> to the values <c>p</c> may still have
    /// (positions take no part in node equality, so equal literals are one value); returns the conjunct that first
    /// limited <c>p</c> when, with this one, nothing is left.
    /// </summary>
    static ExpressionNode? Narrow(Dictionary<PropertyNode, (HashSet<ExpressionNode> Values, ExpressionNode Origin)> possible, ExpressionNode conjunct)
    {
        if (conjunct is not BinaryNode { Left: PropertyNode property } binary || NotPlainValues.Contains(property.ToString()))
            return null;
        var values = binary.Right is ListNode list ? list.Items : (IReadOnlyList<ExpressionNode>)[binary.Right];
        if (values.Count == 0 || !(values.All(v => v is TextNode) || values.All(v => v is NumberNode)))
            return null;

        var known = possible.TryGetValue(property, out var limited);
        switch (binary.Operator)
        {
            case BinaryOperator.Equal or BinaryOperator.In when !known:
                possible[property] = (values.ToHashSet(), conjunct);
                return null;
            // Text and numbers compare across kinds (`'5' == 5`), so only values of one kind are weighed together.
            case BinaryOperator.Equal or BinaryOperator.In when limited.Values.First().GetType() == values[0].GetType():
                limited.Values.IntersectWith(values);
                return limited.Values.Count == 0 ? limited.Origin : null;
            case BinaryOperator.NotEqual or BinaryOperator.NotIn when known && limited.Values.First().GetType() == values[0].GetType():
                limited.Values.ExceptWith(values);
                return limited.Values.Count == 0 ? limited.Origin : null;
            default:
                return null;
        }
    }

    static IEnumerable<ExpressionNode> Conjuncts(ExpressionNode node) => node switch
    {
        BinaryNode { Operator: BinaryOperator.And } and => Conjuncts(and.Left).Concat(Conjuncts(and.Right)),
        NotNode { Operand: NotNode or BinaryNode } not => Negated(not.Operand),
        _ => [node],
    };

    /// <summary>
    /// The conjuncts of <c>not node</c>: <c>not (a or b)</c> is <c>not a and not b</c>, <c>not not a</c> is <c>a</c>, and
    /// <c>not (a == b)</c> is <c>a != b</c> (and <c>in</c> is <c>not in</c>), as the compiled condition reads them. Other
    /// comparisons are not turned round: with a missing value, neither <c>a &lt; b</c> nor <c>a &gt;= b</c> holds.
    /// </summary>
    static IEnumerable<ExpressionNode> Negated(ExpressionNode node) => node switch
    {
        BinaryNode { Operator: BinaryOperator.Or } or => Negated(or.Left).Concat(Negated(or.Right)),
        NotNode not => Conjuncts(not.Operand),
        BinaryNode { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.In or BinaryOperator.NotIn } comparison =>
            [comparison with { Operator = Opposite(comparison.Operator) }],
        _ => [new NotNode(node, StartOf(node))],
    };

    static BinaryOperator Opposite(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => BinaryOperator.NotEqual,
        BinaryOperator.NotEqual => BinaryOperator.Equal,
        BinaryOperator.In => BinaryOperator.NotIn,
        _ => BinaryOperator.In,
    };

    static ExpressionNode Negate(ExpressionNode node) => node is NotNode not ? not.Operand : new NotNode(node, default);

    const string FixHelp = "remove the rule, or fix its condition";

    static Problem NeverTrue(ExpressionNode condition) => Warning(condition, $"`{Clip(condition)}` is never true, so the rule never applies", FixHelp);

    static Problem Contradiction(ExpressionNode first, ExpressionNode second) =>
        Warning(second, $"`{Clip(first)}` and `{Clip(second)}` cannot both hold, so the rule never applies", "did you mean `or`?");

    static Problem Warning(ExpressionNode at, string message, string help) => new(StartOf(at), message, help);

    /// <summary>Where a condition starts in the text: a binary node's own position is its operator's.</summary>
    public static SourcePosition StartOf(ExpressionNode node) => node is BinaryNode binary ? StartOf(binary.Left) : node.Position;

    static string Clip(ExpressionNode node) => Literals.Clip(node.ToString(), 60);
}
