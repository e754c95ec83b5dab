using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// INSERT, UPDATE, DELETE and MERGE, at the top level or inside a WITH: the write on the target,
/// the reads of its columns (SET expressions, WHERE, RETURNING, conditions) and of every other
/// relation. Returns the RETURNING list's outputs.
/// </summary>
internal sealed class DmlWalker(WalkContext context)
{
    public QueryOutput Walk(string type, ParseNode body, QueryScope? parent) => type switch
    {
        "InsertStmt" => Insert(body, parent),
        "UpdateStmt" => Update(body, parent),
        "DeleteStmt" => Delete(body, parent),
        "MergeStmt" => Merge(body, parent),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a data-modifying statement."),
    };

    private QueryOutput Insert(ParseNode body, QueryScope? parent)
    {
        var scope = NewScope(body, parent);
        var target = Target(body);
        var columns = ParseTree.TargetNames(body, "cols");
        context.Accesses.Add(StatementKind.Insert, target.Relation, columns.Count > 0 ? columns : context.AllColumnsOf(target.Relation));

        // The source query cannot see the target, so it is walked before the target joins the scope.
        if (ParseTree.TryGet(body, "selectStmt", out var source))
        {
            context.Queries.Walk(source, scope);
        }

        scope.Add(target);
        if (ParseTree.TryGet(body, "onConflictClause", out var conflict) && ParseTree.String(conflict, "action") == "ONCONFLICT_UPDATE")
        {
            OnConflictUpdate(conflict, target, scope);
        }

        return Returning(body, scope);
    }

    /// <summary>ON CONFLICT DO UPDATE updates the target; <c>excluded.*</c> is the proposed row, not a read.</summary>
    private void OnConflictUpdate(ParseNode conflict, TableItem target, QueryScope scope)
    {
        context.Accesses.Add(StatementKind.Update, target.Relation, ParseTree.TargetNames(conflict, "targetList"));
        if (ParseTree.TryGet(conflict, "infer", out var infer))
        {
            foreach (var element in ParseTree.Items(infer, "indexElems"))
            {
                var indexElement = ParseTree.BodyOf(element, "IndexElem");
                if (ParseTree.String(indexElement, "name") is { } column)
                {
                    context.Columns.ReadColumnOf(column, target);
                }
                else
                {
                    context.Expressions.WalkField(indexElement, "expr", scope);
                }
            }

            context.Expressions.WalkField(infer, "whereClause", scope);
        }

        var conflictScope = new QueryScope(scope);
        conflictScope.Items.Add(new DerivedItem("excluded", QueryOutput.None, []) { QualifiedOnly = true });
        WalkAssignments(conflict, conflictScope);
        context.Expressions.WalkField(conflict, "whereClause", conflictScope);
    }

    private QueryOutput Update(ParseNode body, QueryScope? parent)
    {
        var scope = NewScope(body, parent);
        var target = Target(body);
        context.Accesses.Add(StatementKind.Update, target.Relation, ParseTree.TargetNames(body, "targetList"));
        scope.Add(target);
        context.From.Walk(ParseTree.Items(body, "fromClause"), scope);
        WalkAssignments(body, scope);
        context.Expressions.WalkField(body, "whereClause", scope);
        return Returning(body, scope);
    }

    private QueryOutput Delete(ParseNode body, QueryScope? parent)
    {
        var scope = NewScope(body, parent);
        var target = Target(body);
        context.Accesses.Touch(StatementKind.Delete, target.Relation);
        scope.Add(target);
        context.From.Walk(ParseTree.Items(body, "usingClause"), scope);
        context.Expressions.WalkField(body, "whereClause", scope);
        return Returning(body, scope);
    }

    private QueryOutput Merge(ParseNode body, QueryScope? parent)
    {
        var scope = NewScope(body, parent);
        var target = Target(body);
        var written = new List<string>();
        foreach (var clause in WhenClauses(body))
        {
            switch (ParseTree.String(clause, "commandType"))
            {
                case "CMD_UPDATE":
                    written.AddRange(ParseTree.TargetNames(clause, "targetList"));
                    break;
                case "CMD_INSERT":
                    var columns = ParseTree.TargetNames(clause, "targetList");
                    written.AddRange(columns.Count > 0 ? columns : context.AllColumnsOf(target.Relation));
                    break;
            }
        }

        context.Accesses.Add(StatementKind.Merge, target.Relation, written);

        // The source cannot see the target; the join condition and WHEN clauses see both.
        if (ParseTree.TryGet(body, "sourceRelation", out var source))
        {
            context.From.Walk([source], scope);
        }

        scope.Add(target);
        context.Expressions.WalkField(body, "joinCondition", scope);
        foreach (var clause in WhenClauses(body))
        {
            context.Expressions.WalkField(clause, "condition", scope);
            WalkAssignments(clause, scope);
            context.Expressions.WalkField(clause, "values", scope);
        }

        return QueryOutput.None;
    }

    private static IEnumerable<ParseNode> WhenClauses(ParseNode body) =>
        ParseTree.Items(body, "mergeWhenClauses").Select(c => ParseTree.BodyOf(c, "MergeWhenClause"));

    private QueryScope NewScope(ParseNode body, QueryScope? parent)
    {
        var scope = new QueryScope(parent);
        if (ParseTree.TryGet(body, "withClause", out var with))
        {
            context.With.Register(with, scope);
        }

        return scope;
    }

    /// <summary>The target, as a scope entry whose reads are recorded only when its columns are used.</summary>
    private TableItem Target(ParseNode body) =>
        context.TableItemFor(ParseTree.TryGet(body, "relation", out var relation) ? relation : default);

    /// <summary>The value expressions of <c>SET a = …</c> (a ResTarget list).</summary>
    private void WalkAssignments(ParseNode body, QueryScope scope)
    {
        foreach (var target in ParseTree.Items(body, "targetList"))
        {
            context.Expressions.WalkField(ParseTree.BodyOf(target, "ResTarget"), "val", scope);
        }
    }

    private QueryOutput Returning(ParseNode body, QueryScope scope) =>
        ParseTree.HasItems(body, "returningList")
            ? context.Targets.Walk(ParseTree.Items(body, "returningList"), scope)
            : QueryOutput.None;
}
