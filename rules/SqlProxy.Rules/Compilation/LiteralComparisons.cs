using System.Globalization;
using System.Linq.Expressions;
using System.Net;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// Comparisons of a fact that has its own vocabulary — a time of day, a weekday, a client address, a statement
/// kind — with literal text, which is read once, at load: a bad literal is a load error, never a run-time one.
/// </summary>
sealed class LiteralComparisons(List<Problem> problems)
{
    static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];
    static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public Typed? Compile(BinaryNode node, Typed left, Typed right)
    {
        if (left.IsFact && right.IsFact)
            return Fail(node.Right, $"`{Clip(node.Left)}` is compared with a literal, not with `{Clip(node.Right)}`");

        // Put the fact first: `'09:00' <= request.time` is `request.time >= '09:00'`, `list contains x` is `x in list`.
        var factFirst = left.IsFact;
        var op = node.Operator;
        if (!factFirst)
            op = op switch
            {
                BinaryOperator.Less => BinaryOperator.Greater,
                BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
                BinaryOperator.Greater => BinaryOperator.Less,
                BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
                BinaryOperator.Contains => BinaryOperator.In,
                BinaryOperator.In or BinaryOperator.NotIn => BinaryOperator.Contains,
                _ => op,
            };
        var (factNode, fact, literal) = factFirst ? (node.Left, left, node.Right) : (node.Right, right, node.Left);
        if (op == BinaryOperator.Contains)
            return Fail(factNode, $"`{Clip(factNode)}` is not a list", $"write `{Clip(factNode)} in (…)`");

        return fact.Kind switch
        {
            ValueKind.TimeOfDay => Time(node, op, factNode, fact, literal),
            ValueKind.Weekday => Words(node, op, factNode, literal, Weekdays, "weekday", WeekdayHelp) is { } days
                ? Holds(op, Expression.Call(typeof(RequestFacts), nameof(RequestFacts.WeekdayIn), null, fact.Expression,
                    Expression.Constant(days.Aggregate(0, (mask, day) => mask | (1 << Array.IndexOf(Weekdays, day))))))
                : null,
            ValueKind.StatementKind => Words(node, op, factNode, literal, ActionCatalog.Names, "statement kind", KindHelp) is { } kinds
                ? Holds(op, Expression.Call(Expression.Constant(kinds.Aggregate(default(ActionSet), (set, kind) => set.Union(ActionCatalog.Get(kind)))),
                    nameof(ActionSet.Contains), null, fact.Expression))
                : null,
            _ => Networks(node, op, factNode, fact, literal),
        };
    }

    const string WeekdayHelp = "the weekdays are `mon`, `tue`, `wed`, `thu`, `fri`, `sat` and `sun`";
    const string KindHelp = "a statement kind is an action word, e.g. `select` or `write`";

    Typed? Time(BinaryNode node, BinaryOperator op, ExpressionNode factNode, Typed fact, ExpressionNode literal)
    {
        if (op is BinaryOperator.In or BinaryOperator.NotIn)
            return Fail(node, $"`{Clip(factNode)}` is a time of day; compare it with `<`, `<=`, `>`, `>=`, `==` or `!=`",
                "e.g. `request.time >= '09:00' and request.time < '17:30'`");
        if (literal is not TextNode text)
            return Fail(literal, $"`{Clip(factNode)}` is compared with a time of day, not with `{Clip(literal)}`", "e.g. `'09:00'`");
        if (!TimeOnly.TryParseExact(text.Value, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return Fail(literal, $"`{Clip(literal)}` is not a time of day", "write a time of day in UTC as `'HH:MM'`, e.g. `'09:00'` or `'17:30'`");
        var ticks = Expression.Constant(time.Ticks);
        Expression compared = op switch
        {
            BinaryOperator.Equal => Expression.Equal(fact.Expression, ticks),
            BinaryOperator.NotEqual => Expression.NotEqual(fact.Expression, ticks),
            BinaryOperator.Less => Expression.LessThan(fact.Expression, ticks),
            BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(fact.Expression, ticks),
            BinaryOperator.Greater => Expression.GreaterThan(fact.Expression, ticks),
            _ => Expression.GreaterThanOrEqual(fact.Expression, ticks),
        };
        return new Typed(compared, ValueKind.Condition);
    }

    Typed? Networks(BinaryNode node, BinaryOperator op, ExpressionNode factNode, Typed fact, ExpressionNode literal)
    {
        if (op is not (BinaryOperator.In or BinaryOperator.NotIn))
            return Fail(node, $"`{Clip(factNode)}` is matched against networks with `in`", "e.g. `request.client_address in ('10.0.0.0/8', '192.168.1.5')`");
        if (Texts(literal) is not { } texts)
            return Fail(literal, $"`{Clip(factNode)}` is matched against networks, not against `{Clip(literal)}`", "e.g. `'10.0.0.0/8'`");
        var networks = new List<IPNetwork>();
        foreach (var text in texts)
        {
            if (ParseNetwork(text.Value) is not { } network)
                Fail(text, $"`{Clip(text)}` is not an IP address or network", "write a network in CIDR form, e.g. `'10.0.0.0/8'` or `'2001:db8::/32'`, or one address");
            else if (!network.BaseAddress.Equals(IPAddress.Parse(text.Value.Split('/')[0])))
                Fail(text, $"`{Clip(text)}` has bits set after its prefix", $"did you mean `'{network}'`?");
            else
                networks.Add(network);
        }
        if (networks.Count < texts.Count)
            return null;
        return Holds(op, Expression.Call(typeof(RequestFacts), nameof(RequestFacts.AddressIn), null, fact.Expression, Expression.Constant(networks.ToArray())));
    }

    /// <summary>
    /// <c>10.0.0.0/8</c>, or one address as a network of its own. IPv4 must be written as four numbers:
    /// the legacy forms <c>10.1</c> or <c>10</c> read as surprising addresses.
    /// </summary>
    internal static IPNetwork? ParseNetwork(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var written = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(written, out var address) || written.Contains('%', StringComparison.Ordinal)
            || (!written.Contains(':', StringComparison.Ordinal) && address.ToString() != written))
            return null;
        if (slash < 0)
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return IPNetwork.TryParse(text, out var network) ? network : null;
    }

    /// <summary>The words of a comparison with <c>==</c>, <c>!=</c>, <c>in</c> or <c>not in</c>, each checked against the vocabulary.</summary>
    List<string>? Words(BinaryNode node, BinaryOperator op, ExpressionNode factNode, ExpressionNode literal, IEnumerable<string> vocabulary, string what, string help)
    {
        if (op is not (BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.In or BinaryOperator.NotIn))
        {
            Fail(node, $"`{node.Operator.Text()}` does not apply to `{Clip(factNode)}`", "use `==`, `!=`, `in` or `not in`");
            return null;
        }
        if (Texts(literal) is not { } texts || (texts.Count != 1 && op is BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            Fail(literal, $"`{Clip(factNode)}` is compared with {(op is BinaryOperator.In or BinaryOperator.NotIn ? "a list of" : "a")} {what}{(op is BinaryOperator.In or BinaryOperator.NotIn ? "s" : "")}, not with `{Clip(literal)}`", help);
            return null;
        }
        var ok = true;
        foreach (var text in texts.Where(text => !vocabulary.Contains(text.Value)))
        {
            ok = false;
            Fail(text, $"`{Clip(text)}` is not a {what}", Suggestions.DidYouMean(text.Value, vocabulary, word => Literals.QuoteString(word)) ?? help);
        }
        return ok ? [.. texts.Select(text => text.Value)] : null;
    }

    /// <summary>The strings of <c>'a'</c> or <c>('a', 'b')</c>, or null for anything else.</summary>
    static List<TextNode>? Texts(ExpressionNode literal) => literal switch
    {
        TextNode text => [text],
        ListNode list when list.Items.All(item => item is TextNode) => [.. list.Items.Cast<TextNode>()],
        _ => null,
    };

    static Typed Holds(BinaryOperator op, Expression isIn) =>
        new(op is BinaryOperator.NotEqual or BinaryOperator.NotIn ? Expression.Not(isIn) : isIn, ValueKind.Condition);

    static string Clip(ExpressionNode node) => Literals.Clip(node.ToString());

    Typed? Fail(ExpressionNode node, string message, string? help = null)
    {
        problems.Add(new Problem(node.Position, message, help));
        return null;
    }
}
