using System.Globalization;
using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>The front door of a statement's walk: queries, data changes, EXPLAIN, COPY, PREPARE; the rest goes to <see cref="UtilityWalker"/>.</summary>
internal sealed class StatementWalker(WalkContext context)
{
    /// <summary>Walks a top-level (or nested, e.g. explained) statement node.</summary>
    public StatementShape Walk(ParseNode statement)
    {
        WalkContext.EnsureStack();
        if (!ParseTree.TryUnwrap(statement, out var type, out var body))
        {
            context.Note("a statement without a recognisable node; read as a database-level OtherUtility");
            return StatementShape.Utility(StatementKind.OtherUtility);
        }

        return type switch
        {
            "SelectStmt" => Select(body),
            "InsertStmt" => new(StatementKind.Insert, context.Dml.Walk(type, body, null)),
            "UpdateStmt" => new(StatementKind.Update, context.Dml.Walk(type, body, null), HasWhere(body)),
            "DeleteStmt" => new(StatementKind.Delete, context.Dml.Walk(type, body, null), HasWhere(body)),
            "MergeStmt" => new(StatementKind.Merge, context.Dml.Walk(type, body, null)),
            "ExplainStmt" => Explain(body),
            "CopyStmt" => Copy(body),
            "PrepareStmt" or "DeclareCursorStmt" => Deferred(type, body),
            _ => context.Utilities.Walk(type, body),
        };
    }

    /// <summary>A statement inside another (WITH, COPY, PREPARE): what it returns, its accesses recorded.</summary>
    public QueryOutput WalkQueryLike(ParseNode node, QueryScope? parent)
    {
        if (!ParseTree.TryUnwrap(node, out var type, out var body))
        {
            return QueryOutput.None;
        }

        if (type is "SelectStmt" or "InsertStmt" or "UpdateStmt" or "DeleteStmt" or "MergeStmt")
        {
            return WalkQueryLike(body, type, parent);
        }

        context.Note($"`{type}` inside another statement; its accesses are reported with the statement");
        Walk(node);
        return QueryOutput.None;
    }

    /// <summary>A SELECT or data-modifying statement's body at any depth.</summary>
    public QueryOutput WalkQueryLike(ParseNode body, string type, QueryScope? parent) =>
        type == "SelectStmt" ? context.Queries.Walk(body, parent) : context.Dml.Walk(type, body, parent);

    private StatementShape Select(ParseNode body)
    {
        // SELECT INTO creates a table: that comes first, like the write of a data change.
        if (ParseTree.TryGet(body, "intoClause", out var into) && ParseTree.TryGet(into, "rel", out var target))
        {
            context.Accesses.Touch(StatementKind.CreateTable, context.Names.FromRangeVar(target));
            context.Queries.Walk(body, null);
            return new(StatementKind.CreateTable, QueryOutput.None, HasWhere(body), ConstantLimit(body));
        }

        return new(StatementKind.Select, context.Queries.Walk(body, null), HasWhere(body), ConstantLimit(body));
    }

    /// <summary>EXPLAIN's accesses are those of the statement it explains (EXPLAIN ANALYZE runs it).</summary>
    private StatementShape Explain(ParseNode body)
    {
        var explained = ParseTree.TryGet(body, "query", out var query) ? Walk(query) : StatementShape.Utility(StatementKind.OtherUtility);
        context.EnsureAnyAccess(explained.Kind);
        return new(StatementKind.Explain, QueryOutput.None, explained.HasWhere, explained.Limit);
    }

    private StatementShape Copy(ParseNode body)
    {
        if (ParseTree.TryGet(body, "relation", out var relationNode))
        {
            var relation = context.Names.FromRangeVar(relationNode);
            var columns = ParseTree.Strings(body, "attlist");
            var operation = ParseTree.Bool(body, "is_from") ? StatementKind.Insert : StatementKind.Select;
            context.Accesses.Add(operation, relation, columns.Count > 0 ? columns : context.AllColumnsOf(relation));
        }

        if (ParseTree.TryGet(body, "query", out var query))
        {
            WalkQueryLike(query, null);
        }

        // A server-side file or program reaches beyond the database's relations.
        if (ParseTree.String(body, "filename") is not null || ParseTree.Bool(body, "is_program"))
        {
            context.Accesses.Touch(StatementKind.Copy, null);
        }

        return StatementShape.Utility(StatementKind.Copy);
    }

    /// <summary>PREPARE and DECLARE CURSOR: the query runs later, so it is judged now.</summary>
    private StatementShape Deferred(string type, ParseNode body)
    {
        context.Accesses.Touch(StatementKind.OtherUtility, null);
        if (ParseTree.TryGet(body, "query", out var query))
        {
            context.Note($"{(type == "PrepareStmt" ? "PREPARE" : "DECLARE CURSOR")}: the accesses of the query it holds are reported with it");
            WalkQueryLike(query, null);
        }

        return StatementShape.Utility(StatementKind.OtherUtility);
    }

    private static bool HasWhere(ParseNode body) => ParseTree.TryGet(body, "whereClause", out _);

    private static long? ConstantLimit(ParseNode body)
    {
        if (!ParseTree.TryGet(body, "limitCount", out var limit) || !ParseTree.TryUnwrap(limit, out var type, out var constant) || type != "A_Const")
        {
            return null;
        }

        if (ParseTree.TryGet(constant, "ival", out var integer))
        {
            // Zero is omitted from libpg_query's JSON: {"ival": {}} is LIMIT 0.
            return ParseTree.TryGet(integer, "ival", out var value) && value.TryGetInt64(out var count) ? count : 0;
        }

        return ParseTree.TryGet(constant, "fval", out var numeric)
            && long.TryParse(ParseTree.String(numeric, "fval"), NumberStyles.None, CultureInfo.InvariantCulture, out var large)
            ? large
            : null;
    }
}
