using System.Linq.Expressions;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Compilation;

/// <summary>Resolves dotted names in conditions to reads of the request, or says what is wrong with them.</summary>
static class Properties
{
    static readonly string[] UserProperties = ["name", "roles", "attributes"];
    static readonly string[] RequestProperties = ["database", "time", "weekday", "client_address"];
    static readonly string[] Roots = ["user", "request", "statement"];

    public static Typed? Resolve(PropertyNode node, ParameterExpression request, ParameterExpression statement, List<Problem> problems)
    {
        Typed? typed = null;
        var problem = node.Path[0] switch
        {
            "user" => User(node, request, out typed),
            "request" => Request(node, request, out typed),
            "statement" => StatementProperties.Resolve(node, statement, out typed),
            "js" => new Problem(node.Position, $"`{Literals.Clip(node.ToString())}` is not a value", "call a script function with its arguments, e.g. `js.isTrusted(user.name)`"),
            var root => new Problem(node.Position, $"`{Literals.Clip(root)}` is not known here; conditions speak of `user`, `request` and `statement`",
                Suggestions.DidYouMean(root, Roots)),
        };
        if (problem is not null)
            problems.Add(problem);
        return typed;
    }

    static Problem? User(PropertyNode node, ParameterExpression request, out Typed? typed)
    {
        typed = null;
        var path = node.Path;
        if (path.Count == 1)
            return new Problem(node.Position, "`user` needs a property", "write `user.name`, `user.roles`, `user.attributes.<key>` or `user has role '<role>'`");

        var user = Expression.Property(request, nameof(RequestInfo.User));
        switch (path[1])
        {
            case "name" when path.Count == 2:
                typed = new Typed(Expression.Property(user, nameof(UserIdentity.Name)), ValueKind.Text);
                return null;
            case "roles" when path.Count == 2:
                typed = new Typed(Expression.Property(user, nameof(UserIdentity.Roles)), ValueKind.TextList);
                return null;
            case "attributes" when path.Count == 3:
                typed = new Typed(
                    Expression.Call(typeof(RuntimeAccessors), nameof(RuntimeAccessors.Attribute), null, request, Expression.Constant(path[2])),
                    ValueKind.Text);
                return null;
            case "attributes" when path.Count == 2:
                return new Problem(node.Position, "`user.attributes` needs a key", "e.g. `user.attributes.region`");
            case "attributes":
                return new Problem(node.Position, $"`{Literals.Clip(node.ToString())}` is not a property of the user",
                    "an attribute is `user.attributes.<key>`; quote a key that has a dot, e.g. `user.attributes.\"a.b\"`");
            case "name" or "roles":
                return new Problem(node.Position, $"`{Literals.Clip(node.ToString())}` is not a property of the user", $"try `user.{path[1]}`");
            default:
                return new Problem(node.Position, $"`{Literals.Clip(node.ToString())}` is not a property of the user",
                    Suggestions.DidYouMean(path[1], UserProperties, p => "user." + p) ?? "the user has `user.name`, `user.roles` and `user.attributes.<key>`");
        }
    }

    static Problem? Request(PropertyNode node, ParameterExpression request, out Typed? typed)
    {
        typed = null;
        var path = node.Path;
        if (path.Count == 1)
            return new Problem(node.Position, "`request` needs a property", RequestHelp);
        if (path.Count == 2)
        {
            typed = path[1] switch
            {
                "database" => new Typed(Expression.Property(request, nameof(RequestInfo.Database)), ValueKind.Text),
                "time" => new Typed(Expression.Call(typeof(RequestFacts), nameof(RequestFacts.TimeOfDay), null, request), ValueKind.TimeOfDay),
                "weekday" => new Typed(request, ValueKind.Weekday),
                "client_address" => new Typed(request, ValueKind.Address),
                _ => null,
            };
            if (typed is not null)
                return null;
        }
        return new Problem(node.Position, $"`{Literals.Clip(node.ToString())}` is not a property of the request",
            Suggestions.DidYouMean(path[1], RequestProperties, p => "request." + p) ?? RequestHelp);
    }

    const string RequestHelp = "the request has `request.database`, `request.time`, `request.weekday` and `request.client_address`";
}
