using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// The WITH queries visible where the walk is. An unqualified name that is one of them means the WITH query, not the
/// table, so it is not filtered (the table read inside the WITH query is). A WITH query sees the ones listed before it,
/// or all of its list with RECURSIVE, as in PostgreSQL.
/// </summary>
internal sealed class CteScopes
{
    private readonly List<HashSet<string>> frames = [];

    /// <summary>True when <paramref name="relation"/> names a WITH query in scope rather than a table.</summary>
    public bool Contains(RangeVar relation)
    {
        if (relation.Schemaname.Length > 0 || relation.Catalogname.Length > 0)
        {
            return false;
        }

        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (frames[i].Contains(relation.Relname))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Opens the scope of <paramref name="with"/>, walking each WITH query with <paramref name="walk"/> under the names it
    /// may see. Returns whether a scope was opened: the caller then calls <see cref="Exit"/> when its statement is done.
    /// </summary>
    public bool Enter(WithClause? with, Action<Node> walk)
    {
        if (with is null)
        {
            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        frames.Add(names);
        if (with.Recursive)
        {
            names.UnionWith(with.Ctes.Where(node => node.CommonTableExpr is not null).Select(node => node.CommonTableExpr.Ctename));
        }

        foreach (var node in with.Ctes)
        {
            if (node.CommonTableExpr is not { } cte)
            {
                walk(node);
                continue;
            }

            if (cte.Ctequery is { } query)
            {
                walk(query);
            }

            names.Add(cte.Ctename);
        }

        return true;
    }

    /// <summary>Closes the innermost scope.</summary>
    public void Exit() => frames.RemoveAt(frames.Count - 1);
}
