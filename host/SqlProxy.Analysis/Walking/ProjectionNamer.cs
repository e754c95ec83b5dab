using SqlProxy.Analysis.Json;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// Names an output column without an alias the way PostgreSQL does (FigureColnameInternal in
/// parse_target.c): a strength of 2 is a column or function name, 1 a type name or <c>case</c>.
/// </summary>
internal static class ProjectionNamer
{
    public const string Unnamed = "?column?";

    public static string NameOf(ParseNode node)
    {
        var (name, _) = Figure(node);
        return name ?? Unnamed;
    }

    private static (string? Name, int Strength) Figure(ParseNode node)
    {
        WalkContext.EnsureStack();
        if (!ParseTree.TryUnwrap(node, out var type, out var body))
        {
            return (null, 0);
        }

        switch (type)
        {
            case "ColumnRef":
                return LastString(body, "fields") is { } field ? (field, 2) : (null, 0);
            case "A_Indirection":
                return LastString(body, "indirection") is { } member ? (member, 2) : Inner(body, "arg");
            case "FuncCall":
                return LastString(body, "funcname") is { } function ? (function, 2) : (null, 0);
            case "A_Expr":
                return ParseTree.String(body, "kind") == "AEXPR_NULLIF" ? ("nullif", 2) : (null, 0);
            case "TypeCast":
                var cast = Inner(body, "arg");
                return cast.Strength > 1 || !ParseTree.TryGet(body, "typeName", out var typeName)
                    ? cast
                    : (LastString(typeName, "names"), 1);
            case "CollateClause":
                return Inner(body, "arg");
            case "GroupingFunc":
                return ("grouping", 2);
            case "SubLink":
                return SubLinkName(body);
            case "CaseExpr":
                var result = Inner(body, "defresult");
                return result.Strength > 1 ? result : ("case", 1);
            case "A_ArrayExpr":
                return ("array", 2);
            case "RowExpr":
                return ("row", 2);
            case "CoalesceExpr":
                return ("coalesce", 2);
            case "MinMaxExpr":
                return ParseTree.String(body, "op") switch
                {
                    "IS_GREATEST" => ("greatest", 2),
                    "IS_LEAST" => ("least", 2),
                    _ => (null, 0),
                };
            case "SQLValueFunction":
                return (SqlValueFunctionName(ParseTree.String(body, "op")), 2);
            case "XmlExpr":
                var op = ParseTree.String(body, "op");
                return op is null or "IS_DOCUMENT" ? (null, 0) : (op["IS_".Length..].ToLowerInvariant(), 2);
            case "XmlSerialize":
                return ("xmlserialize", 2);
            default:
                return (null, 0);
        }
    }

    private static (string? Name, int Strength) Inner(ParseNode body, string field) =>
        ParseTree.TryGet(body, field, out var inner) ? Figure(inner) : (null, 0);

    private static (string? Name, int Strength) SubLinkName(ParseNode body)
    {
        switch (ParseTree.String(body, "subLinkType"))
        {
            case "EXISTS_SUBLINK":
                return ("exists", 2);
            case "ARRAY_SUBLINK":
                return ("array", 2);
            case "EXPR_SUBLINK" when ParseTree.TryGet(body, "subselect", out var subselect):
                // PostgreSQL names it after the subquery's first output column.
                var select = ParseTree.BodyOf(subselect, "SelectStmt");
                while (ParseTree.TryGet(select, "larg", out var left))
                {
                    select = left;
                }

                var first = ParseTree.Items(select, "targetList").FirstOrDefault();
                var target = ParseTree.BodyOf(first, "ResTarget");
                return ParseTree.String(target, "name") is { } alias
                    ? (alias, 2)
                    : (ParseTree.TryGet(target, "val", out var value) ? NameOf(value) : Unnamed, 2);
            default:
                return (null, 0);
        }
    }

    private static string? LastString(ParseNode body, string field)
    {
        string? last = null;
        foreach (var item in ParseTree.Items(body, field))
        {
            last = ParseTree.StringNode(item) ?? last;
        }

        return last;
    }

    private static string? SqlValueFunctionName(string? op) => op switch
    {
        null => null,
        _ when op.EndsWith("_N", StringComparison.Ordinal) => op["SVFOP_".Length..^2].ToLowerInvariant(),
        _ => op["SVFOP_".Length..].ToLowerInvariant(),
    };
}
