using System.Linq.Expressions;
using System.Text.RegularExpressions;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// <c>starts with</c>, <c>ends with</c> (ordinal) and <c>matches</c> (a .NET regular expression, compiled once at load,
/// with a match timeout so a pattern cannot stall a request) between text values.
/// </summary>
sealed class TextMatching(List<Problem> problems)
{
    /// <summary>How long one regular-expression match may run before the condition fails (closed).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public Typed? Compile(BinaryNode node, Typed left, Typed right)
    {
        var op = node.Operator.Text();
        if (left.Kind != ValueKind.Text)
            return Fail(node.Left, $"`{op}` matches text, but `{Clip(node.Left)}` is not text", "e.g. `user.name starts with 'svc_'`");
        if (node.Operator != BinaryOperator.Matches)
        {
            if (right.Kind != ValueKind.Text)
                return Fail(node.Right, $"`{op}` matches text, but `{Clip(node.Right)}` is not text");
            var method = node.Operator == BinaryOperator.StartsWith ? nameof(RuntimeOperators.StartsWith) : nameof(RuntimeOperators.EndsWith);
            return new Typed(Expression.Call(typeof(RuntimeOperators), method, null, left.Expression, right.Expression), ValueKind.Condition);
        }

        if (node.Right is not TextNode pattern)
            return Fail(node.Right, $"`matches` needs a pattern in quotes, not `{Clip(node.Right)}`", "e.g. `user.name matches '^svc_[a-z]+$'`");
        Regex regex;
        try
        {
            regex = new Regex(pattern.Value, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (RegexParseException e)
        {
            return Fail(node.Right, $"`{Literals.Clip(pattern.Value)}` is not a regular expression: {Words(e.Error)} at character {e.Offset}");
        }
        return new Typed(Expression.Call(typeof(RuntimeOperators), nameof(RuntimeOperators.Matches), null, left.Expression, Expression.Constant(regex)), ValueKind.Condition);
    }

    // InsufficientClosingParentheses → "insufficient closing parentheses"
    static string Words(RegexParseError error) =>
        Regex.Replace(error.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    Typed? Fail(ExpressionNode at, string message, string? help = null)
    {
        problems.Add(new Problem(at.Position, message, help));
        return null;
    }

    static string Clip(ExpressionNode node) => Literals.Clip(node.ToString());
}
