using System.Text.Json;
using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// DDL and utility statements. Those naming relations access each one with the statement's kind;
/// the others access the database as a whole. A statement not known at all is
/// <see cref="StatementKind.OtherUtility"/>, with a note, and still accesses every relation it names.
/// </summary>
internal sealed class UtilityWalker(WalkContext context)
{
    private static readonly HashSet<string> RelationObjectTypes =
        ["OBJECT_TABLE", "OBJECT_VIEW", "OBJECT_MATVIEW", "OBJECT_INDEX", "OBJECT_SEQUENCE", "OBJECT_FOREIGN_TABLE"];

    /// <summary>Objects dropped by naming their relation first: <c>DROP TRIGGER trg ON t</c>.</summary>
    private static readonly HashSet<string> RelationMemberTypes = ["OBJECT_TRIGGER", "OBJECT_POLICY", "OBJECT_RULE"];

    public StatementShape Walk(string type, ParseNode body)
    {
        switch (type)
        {
            case "CreateTableAsStmt":
                return CreateTableAs(body);
            case "ViewStmt":
                TouchRangeVar(StatementKind.CreateView, body, "view");
                if (ParseTree.TryGet(body, "query", out var query))
                {
                    context.Statements.WalkQueryLike(query, null);
                }

                return StatementShape.Utility(StatementKind.CreateView);
            case "CreateStmt" or "IndexStmt":
                // Only the new table or the indexed one: a REFERENCES or INHERITS names others it does not change.
                return TouchOnly(type == "CreateStmt" ? StatementKind.CreateTable : StatementKind.CreateIndex, body, "relation");
            case "AlterTableStmt":
                return TouchOnly(ParseTree.String(body, "objtype") == "OBJECT_TABLE" ? StatementKind.AlterTable : StatementKind.AlterOther, body, "relation");
            case "DropStmt":
                return NamedObjects(StatementKind.Drop, body, "removeType", ParseTree.Items(body, "objects"));
            case "CommentStmt":
                return NamedObjects(StatementKind.Comment, body, "objtype", ParseTree.TryGet(body, "object", out var commented) ? [commented] : []);
            case "GrantStmt":
                return Grant(body);
            case "GrantRoleStmt":
                return DatabaseLevel(ParseTree.Bool(body, "is_grant") ? StatementKind.Grant : StatementKind.Revoke);
            case "CreateSchemaStmt":
                context.Accesses.Touch(StatementKind.CreateSchema, null);
                foreach (var element in ParseTree.Items(body, "schemaElts"))
                {
                    context.Statements.Walk(element);
                }

                return StatementShape.Utility(StatementKind.CreateSchema);
            case "DoStmt":
                context.Note("DO runs a code block that is not analysed; read as a database-level Do");
                return DatabaseLevel(StatementKind.Do);
            case "CallStmt" or "ExecuteStmt":
                // Their arguments may hold subqueries: walk them as expressions.
                context.Expressions.Walk(body, new QueryScope(null), null);
                if (type == "ExecuteStmt")
                {
                    context.Note("EXECUTE runs a prepared statement whose accesses were reported by its PREPARE");
                }

                return DatabaseLevel(type == "CallStmt" ? StatementKind.Call : StatementKind.OtherUtility);
        }

        if (UtilityKinds.TryGet(type, out var kind))
        {
            return RelationsNamed(kind, body);
        }

        context.Note($"statement `{type}` is not understood; read as a database-level OtherUtility on every relation it names");
        context.Accesses.Touch(StatementKind.OtherUtility, null);
        return RelationsNamed(StatementKind.OtherUtility, body);
    }

    private StatementShape CreateTableAs(ParseNode body)
    {
        var kind = ParseTree.String(body, "objtype") == "OBJECT_MATVIEW" ? StatementKind.CreateView : StatementKind.CreateTable;
        if (ParseTree.TryGet(body, "into", out var into))
        {
            TouchRangeVar(kind, into, "rel");
        }

        if (ParseTree.TryGet(body, "query", out var query))
        {
            context.Statements.WalkQueryLike(query, null);
        }

        return StatementShape.Utility(kind);
    }

    private StatementShape Grant(ParseNode body)
    {
        var kind = ParseTree.Bool(body, "is_grant") ? StatementKind.Grant : StatementKind.Revoke;
        var columns = ParseTree.Items(body, "privileges")
            .SelectMany(p => ParseTree.Strings(ParseTree.BodyOf(p, "AccessPriv"), "cols"))
            .Distinct()
            .ToList();
        if (ParseTree.String(body, "targtype") == "ACL_TARGET_OBJECT")
        {
            foreach (var target in ParseTree.Items(body, "objects"))
            {
                if (ParseTree.IsRangeVar(target, out var rangeVar))
                {
                    context.Accesses.Add(kind, context.Names.FromRangeVar(rangeVar), columns);
                }
            }
        }

        return DatabaseLevel(kind);
    }

    /// <summary>DROP and COMMENT name their objects as dotted lists; relations among them are accessed one by one.</summary>
    private StatementShape NamedObjects(StatementKind kind, ParseNode body, string typeField, IEnumerable<ParseNode> objects)
    {
        var objectType = ParseTree.String(body, typeField) ?? "";
        var isRelation = RelationObjectTypes.Contains(objectType);
        var isMember = RelationMemberTypes.Contains(objectType) || objectType == "OBJECT_COLUMN";
        foreach (var named in objects)
        {
            var names = ParseTree.Strings(ParseTree.BodyOf(named, "List"), "items");
            var relation = isRelation ? context.Names.FromNames(names)
                : isMember && names.Count > 1 ? context.Names.FromNames(names[..^1])
                : null;
            if (relation is null)
            {
                continue;
            }

            if (objectType == "OBJECT_COLUMN")
            {
                context.Accesses.Add(kind, relation, names[^1]);
            }
            else
            {
                context.Accesses.Touch(kind, relation);
            }
        }

        return DatabaseLevel(kind);
    }

    private StatementShape TouchOnly(StatementKind kind, ParseNode body, string field)
    {
        TouchRangeVar(kind, body, field);
        return DatabaseLevel(kind);
    }

    private void TouchRangeVar(StatementKind kind, ParseNode body, string field)
    {
        if (ParseTree.TryGet(body, field, out var rangeVar))
        {
            context.Accesses.Touch(kind, context.Names.FromRangeVar(rangeVar));
        }
    }

    /// <summary>Every relation named anywhere in the statement is accessed with its kind.</summary>
    private StatementShape RelationsNamed(StatementKind kind, ParseNode body)
    {
        foreach (var relation in RelationsIn(body))
        {
            context.Accesses.Touch(kind, relation);
        }

        return DatabaseLevel(kind);
    }

    private IEnumerable<RelationName> RelationsIn(ParseNode element)
    {
        WalkContext.EnsureStack();
        if (element.ValueKind == JsonValueKind.Object && ParseTree.IsRangeVar(element, out var rangeVar))
        {
            return [context.Names.FromRangeVar(rangeVar)];
        }

        return element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumeratePropertyValues().SelectMany(RelationsIn).ToList(),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(RelationsIn).ToList(),
            _ => [],
        };
    }

    /// <summary>A statement that accessed no relation accesses the database.</summary>
    private StatementShape DatabaseLevel(StatementKind kind)
    {
        context.EnsureAnyAccess(kind);
        return StatementShape.Utility(kind);
    }
}
