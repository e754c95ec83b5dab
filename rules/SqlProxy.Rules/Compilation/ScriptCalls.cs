using System.Linq.Expressions;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;
using SqlProxy.Rules.Scripting;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// Compiles <c>js.name(arguments…)</c> into a call of a function the rule set's scripts define. Arguments reach the
/// script as strings, numbers, booleans or arrays of strings; a fact with its own vocabulary goes as its words
/// (<c>'mon'</c>, <c>'select'</c>), the time of day as ticks since midnight (UTC).
/// </summary>
sealed class ScriptCalls(ScriptHost scripts, ParameterExpression request, List<Problem> problems)
{
    const string NoScripts = "declare the script that defines it, e.g. `script 'hooks.js';`";

    /// <summary>The call, or null after reporting a problem; <paramref name="arguments"/> are the compiled arguments (null where one had a problem).</summary>
    public Typed? Compile(CallNode node, IReadOnlyList<Typed?> arguments)
    {
        if (node.Path is not [var root, var name] || !string.Equals(root, "js", StringComparison.OrdinalIgnoreCase))
            return Fail(node, $"`{Literals.Clip(string.Join(".", node.Path))}` is not a function", "script functions are called as `js.<name>(…)`");
        if (!scripts.TryGetFunction(name, out var function))
        {
            var help = scripts.FunctionNames.Count == 0
                ? NoScripts
                : Suggestions.DidYouMean(name, scripts.FunctionNames, known => "js." + known)
                    ?? "the scripts define " + string.Join(", ", scripts.FunctionNames.Select(known => $"`js.{known}`"));
            return Fail(node, $"`js.{Literals.Clip(name)}` is not a function of the scripts", help);
        }

        var values = new List<Expression>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is { } argument && Value(node.Arguments[i], argument) is { } value)
                values.Add(value);
        }
        if (values.Count < arguments.Count)
            return null;
        var call = Expression.Call(Expression.Constant(function), nameof(ScriptFunction.Invoke), null, Expression.NewArrayInit(typeof(object), values));
        return new Typed(call, ValueKind.Condition);
    }

    Expression? Value(ExpressionNode node, Typed argument)
    {
        var value = argument.Kind switch
        {
            ValueKind.Weekday => Expression.Call(typeof(RequestFacts), nameof(RequestFacts.Weekday), null, request),
            ValueKind.Address => Expression.Property(request, nameof(RequestInfo.ClientAddress)),
            ValueKind.StatementKind => Expression.Call(typeof(Reasons), nameof(Reasons.OperationName), null, argument.Expression),
            ValueKind.NumberList => null,
            _ => argument.Expression,
        };
        if (value is null)
        {
            Fail(node, $"`{Literals.Clip(node.ToString())}` is a list of numbers, which a script function cannot be given", "pass a list of strings, e.g. `('1', '2')`");
            return null;
        }
        return Expression.Convert(value, typeof(object));
    }

    Typed? Fail(ExpressionNode node, string message, string? help = null)
    {
        problems.Add(new Problem(node.Position, message, help));
        return null;
    }
}
