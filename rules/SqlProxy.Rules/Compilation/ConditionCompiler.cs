using System.Linq.Expressions;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;
using SqlProxy.Rules.Scripting;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// Turns a rule's <c>when</c>/<c>unless</c> clauses into one <see cref="Expression{TDelegate}"/>, checking types on
/// the way, and compiles it once. Every problem is reported, not just the first.
/// </summary>
sealed class ConditionCompiler
{
    static readonly ConstantExpression Zero = Expression.Constant(0, typeof(int?));

    readonly List<Problem> _problems;
    readonly ParameterExpression _request = Expression.Parameter(typeof(RequestInfo), "request");
    readonly ParameterExpression _statement = Expression.Parameter(typeof(StatementAnalysis), "statement");
    readonly ScriptCalls _scripts;

    /// <param name="problems">Where problems are reported.</param>
    /// <param name="scripts">The functions conditions may call as <c>js.name(…)</c>.</param>
    public ConditionCompiler(List<Problem> problems, ScriptHost scripts)
    {
        _problems = problems;
        _scripts = new ScriptCalls(scripts, _request, problems);
    }

    /// <summary>False when a clause has a problem; otherwise <paramref name="condition"/> is the delegate, or null when there are no clauses.</summary>
    public bool TryCompile(IReadOnlyList<ClauseNode> clauses, out Func<RequestInfo, StatementAnalysis, bool>? condition)
    {
        condition = null;
        Expression? body = null;
        var ok = true;
        foreach (var clause in clauses)
        {
            if (Condition(clause.Condition) is not { } holds)
            {
                ok = false;
                continue;
            }
            var clauseHolds = clause.Kind == ClauseKind.When ? holds : Expression.Not(holds);
            body = body is null ? clauseHolds : Expression.AndAlso(body, clauseHolds);
        }

        if (ok && body is not null)
            condition = Expression.Lambda<Func<RequestInfo, StatementAnalysis, bool>>(body, _request, _statement).Compile();
        return ok;
    }

    Expression? Condition(ExpressionNode node)
    {
        var typed = Visit(node);
        if (typed is null || typed.Kind == ValueKind.Condition)
            return typed?.Expression;
        Fail(node, $"`{Clip(node)}` is a value, not a condition", "compare it with something, e.g. `user.name == 'alice'`");
        return null;
    }

    Typed? Visit(ExpressionNode node) => node switch
    {
        TextNode text => new Typed(Expression.Constant(text.Value, typeof(string)), ValueKind.Text),
        BoolNode boolean => new Typed(Expression.Constant(boolean.Value), ValueKind.Condition),
        NumberNode number => new Typed(Expression.Constant((decimal?)number.Value, typeof(decimal?)), ValueKind.Number),
        ListNode list => List(list),
        PropertyNode property => Properties.Resolve(property, _request, _statement, _problems),
        CallNode call => Call(call),
        HasRoleNode hasRole => HasRole(hasRole),
        NotNode not => Condition(not.Operand) is { } operand ? new Typed(Expression.Not(operand), ValueKind.Condition) : null,
        BinaryNode binary => Binary(binary),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name),
    };

    Typed? Call(CallNode node)
    {
        // Every argument is checked, so that all of a call's problems are reported at once.
        var arguments = node.Arguments.Select(Visit).ToList();
        return _scripts.Compile(node, arguments);
    }

    Typed? HasRole(HasRoleNode node)
    {
        if (node.Subject is not [ "user" ])
            return Fail(node, $"`{Clip(new PropertyNode(node.Subject, node.Position))}` has no roles", "write `user has role '<role>'`");
        var call = Expression.Call(typeof(RuntimeAccessors), nameof(RuntimeAccessors.HasRole), null, _request, Expression.Constant(node.Role));
        return new Typed(call, ValueKind.Condition);
    }

    Typed? List(ListNode node)
    {
        if (node.Items.FirstOrDefault(item => item is not (TextNode or NumberNode)) is { } bad)
            return Fail(bad, $"`{Clip(bad)}` cannot be in a list", "a list holds strings or numbers, e.g. `('north', 'south')`");
        if (node.Items.All(item => item is TextNode))
            return new Typed(Expression.Constant(node.Items.Select(item => ((TextNode)item).Value).ToArray(), typeof(IReadOnlyList<string>)), ValueKind.TextList);
        if (node.Items.All(item => item is NumberNode))
            return new Typed(Expression.Constant(node.Items.Select(item => ((NumberNode)item).Value).ToArray(), typeof(IReadOnlyList<decimal>)), ValueKind.NumberList);
        return Fail(node, "a list holds strings or numbers, not both");
    }

    Typed? Binary(BinaryNode node)
    {
        if (node.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            var first = Condition(node.Left);
            var second = Condition(node.Right);
            if (first is null || second is null)
                return null;
            return new Typed(node.Operator == BinaryOperator.And ? Expression.AndAlso(first, second) : Expression.OrElse(first, second), ValueKind.Condition);
        }

        var left = Visit(node.Left);
        var right = Visit(node.Right);
        if (left is null || right is null)
            return null;
        if (node.Operator is BinaryOperator.StartsWith or BinaryOperator.EndsWith or BinaryOperator.Matches)
            return new TextMatching(_problems).Compile(node, left, right);
        if (left.IsFact || right.IsFact)
            return new LiteralComparisons(_problems).Compile(node, left, right);
        return node.Operator switch
        {
            BinaryOperator.In => Membership(node, node.Left, left, node.Right, right),
            BinaryOperator.NotIn => Membership(node, node.Left, left, node.Right, right) is { } isIn ? new Typed(Expression.Not(isIn.Expression), ValueKind.Condition) : null,
            BinaryOperator.Contains => Membership(node, node.Right, right, node.Left, left),
            BinaryOperator.Equal or BinaryOperator.NotEqual when (node.Left is BoolNode || node.Right is BoolNode)
                && left.Kind == ValueKind.Condition && right.Kind == ValueKind.Condition =>
                new Typed(node.Operator == BinaryOperator.Equal ? Expression.Equal(left.Expression, right.Expression) : Expression.NotEqual(left.Expression, right.Expression), ValueKind.Condition),
            _ => Comparison(node, left, right),
        };
    }

    Typed? Comparison(BinaryNode node, Typed leftValue, Typed rightValue)
    {
        var left = Scalar(node, node.Left, leftValue);
        var right = Scalar(node, node.Right, rightValue);
        if (left is null || right is null)
            return null;

        // A comparison with a missing value compares to null, and a lifted comparison with null is false.
        var compared = left.Kind == ValueKind.Text && right.Kind == ValueKind.Text
            ? Expression.Call(typeof(RuntimeOperators), nameof(RuntimeOperators.Compare), null, left.Expression, right.Expression)
            : Expression.Call(typeof(RuntimeOperators), nameof(RuntimeOperators.Compare), null, AsNumber(left), AsNumber(right));
        Expression result = node.Operator switch
        {
            BinaryOperator.Equal => Expression.Equal(compared, Zero),
            BinaryOperator.NotEqual => Expression.Not(Expression.Equal(compared, Zero)),
            BinaryOperator.Less => Expression.LessThan(compared, Zero),
            BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(compared, Zero),
            BinaryOperator.Greater => Expression.GreaterThan(compared, Zero),
            _ => Expression.GreaterThanOrEqual(compared, Zero),
        };
        return new Typed(result, ValueKind.Condition);
    }

    Typed? Membership(BinaryNode node, ExpressionNode elementNode, Typed elementValue, ExpressionNode listNode, Typed list)
    {
        var element = Scalar(node, elementNode, elementValue);
        if (element is null)
            return null;
        if (listNode is ListNode { Items.Count: 0 })
            return new Typed(Expression.Constant(false), ValueKind.Condition);

        // `x in ('a')`: one value in parentheses is a one-item list, as in SQL.
        if (listNode is TextNode or NumberNode)
            list = OneItemList(listNode);
        if (!list.IsList)
        {
            var example = node.Operator == BinaryOperator.Contains ? "e.g. `user.roles contains 'admin'`" : "e.g. `user.name in ('alice', 'bob')`";
            return Fail(listNode, $"`{node.Operator.Text()}` needs a list, but `{Clip(listNode)}` is {Describe(list.Kind)}", example);
        }

        if (list.Kind == ValueKind.TextList && element.Kind == ValueKind.Number)
            return Fail(elementNode, $"`{Clip(listNode)}` holds strings, but `{Clip(elementNode)}` is a number");
        var contains = list.Kind == ValueKind.TextList
            ? Expression.Call(typeof(RuntimeOperators), nameof(RuntimeOperators.Contains), null, list.Expression, element.Expression)
            : Expression.Call(typeof(RuntimeOperators), nameof(RuntimeOperators.Contains), null, list.Expression, AsNumber(element));
        return new Typed(contains, ValueKind.Condition);
    }

    static Typed OneItemList(ExpressionNode literal) => literal is TextNode text
        ? new Typed(Expression.Constant(new[] { text.Value }, typeof(IReadOnlyList<string>)), ValueKind.TextList)
        : new Typed(Expression.Constant(new[] { ((NumberNode)literal).Value }, typeof(IReadOnlyList<decimal>)), ValueKind.NumberList);

    Typed? Scalar(BinaryNode node, ExpressionNode operand, Typed typed)
    {
        if (typed.IsScalar)
            return typed;
        var op = node.Operator.Text();
        return typed.IsList
            ? Fail(operand, $"`{op}` compares single values, but `{Clip(operand)}` is a list", "use `in` or `contains` to look inside a list")
            : Fail(operand, $"`{op}` compares values, but `{Clip(operand)}` is a condition");
    }

    static Expression AsNumber(Typed typed) => typed.Kind == ValueKind.Number
        ? typed.Expression
        : Expression.Call(typeof(RuntimeOperators), nameof(RuntimeOperators.ToNumber), null, typed.Expression);

    static string Describe(ValueKind kind) => kind switch
    {
        ValueKind.Condition => "a condition",
        ValueKind.Text => "a string",
        ValueKind.Number => "a number",
        _ => "a list",
    };

    static string Clip(ExpressionNode node) => Literals.Clip(node.ToString());

    Typed? Fail(ExpressionNode node, string message, string? help = null)
    {
        _problems.Add(new Problem(node.Position, message, help));
        return null;
    }
}
