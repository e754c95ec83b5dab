using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Walking.Scopes;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// Resolves column references (<c>col</c>, <c>t.col</c>, <c>s.t.col</c>, <c>*</c>, <c>t.*</c>,
/// whole-row <c>t</c>) through the query scopes, records them as reads and returns their sources.
/// When the schema cannot tell which relation has an unqualified column, every relation that may
/// have it is read (the safe reading) and a note says so.
/// </summary>
internal sealed class ColumnResolver(WalkContext context)
{
    /// <summary>Resolves a <c>ColumnRef</c> body anywhere in an expression.</summary>
    public void Resolve(ParseNode columnRef, QueryScope scope, SourceSet? sink)
    {
        var sources = new SourceSet();
        var (names, star) = Fields(columnRef);
        if (star)
        {
            sources = Sources(Expand(names, scope));
        }
        else if (names.Count > 0)
        {
            ResolveNames(names, scope, sources);
        }

        Record(sources, sink);
    }

    /// <summary>Expands <c>*</c> or <c>t.*</c> in a target list into one output per column, recording the reads.</summary>
    public QueryOutput ExpandStar(ParseNode columnRef, QueryScope scope)
    {
        var output = Expand(Fields(columnRef).Names, scope);
        Record(Sources(output), null);
        return output;
    }

    /// <summary>Reads a column of one item, if it has (or may have) it: each side of JOIN … USING, ON CONFLICT's target.</summary>
    public void ReadColumnOf(string column, FromItem item)
    {
        if (item.Has(column) == ColumnMatch.No)
        {
            return;
        }

        var sources = new SourceSet();
        item.Resolve(column, context, sources);
        Record(sources, null);
    }

    /// <summary>Whether an unqualified name would resolve to a column of some item in scope.</summary>
    public static bool IsInScope(string column, QueryScope scope)
    {
        for (var level = scope; level is not null; level = level.Parent)
        {
            if (!level.ItemsHidden && level.Items.Any(i => !i.QualifiedOnly && i.Has(column) != ColumnMatch.No))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A single-name <c>ColumnRef</c>'s name, as ORDER BY and GROUP BY may name an output column.</summary>
    public static string? SingleName(ParseNode node) =>
        ParseTree.TryUnwrap(node, out var type, out var body) && type == "ColumnRef" && Fields(body) is { Star: false, Names.Count: 1 } fields
            ? fields.Names[0]
            : null;

    private static (List<string> Names, bool Star) Fields(ParseNode columnRef)
    {
        var names = new List<string>(3);
        var star = false;
        foreach (var field in ParseTree.Items(columnRef, "fields"))
        {
            if (ParseTree.StringNode(field) is { } name)
            {
                names.Add(name);
            }
            else if (ParseTree.Is(field, "A_Star"))
            {
                star = true;
            }
        }

        return (names, star);
    }

    private void ResolveNames(List<string> names, QueryScope scope, SourceSet sources)
    {
        if (names.Count == 1)
        {
            ResolveUnqualified(names[0], scope, sources);
            return;
        }

        if (FindQualified(names[..^1], scope) is { } item)
        {
            item.Resolve(names[^1], context, sources);
            return;
        }

        // Not a relation's column: `a.b` may be field b of composite column a.
        ResolveNames(names[..^1], scope, sources);
    }

    private void ResolveUnqualified(string column, QueryScope scope, SourceSet sources)
    {
        var candidates = new List<FromItem>();
        var uncertain = false;
        for (var level = scope; level is not null; level = level.Parent)
        {
            if (level.ItemsHidden)
            {
                continue;
            }

            var found = Candidates(column, level.Items, out var match);
            candidates.AddRange(found);
            if (match == ColumnMatch.Yes)
            {
                break;
            }

            // The schema does not know whether these have the column, so an outer level may be meant too.
            uncertain |= match == ColumnMatch.Maybe;
        }

        var wholeRow = (candidates.Count == 0 || uncertain) ? FindQualified([column], scope) : null;
        if (wholeRow is not null)
        {
            sources.AddRange(Sources(wholeRow.Expand(context)).Columns);
        }

        if (candidates.Count == 0 && wholeRow is null)
        {
            context.Note($"column `{column}` matches no relation in scope; no column is read for it");
        }
        else if (uncertain && candidates.Count + (wholeRow is null ? 0 : 1) > 1)
        {
            NoteUncertain(column, candidates);
        }

        foreach (var candidate in candidates)
        {
            candidate.Resolve(column, context, sources);
        }
    }

    private static List<FromItem> Candidates(string column, IReadOnlyList<FromItem> items, out ColumnMatch match)
    {
        var definite = new List<FromItem>();
        var possible = new List<FromItem>();
        foreach (var item in items)
        {
            if (item.QualifiedOnly)
            {
                continue;
            }

            switch (item.Has(column))
            {
                case ColumnMatch.Yes:
                    definite.Add(item);
                    break;
                case ColumnMatch.Maybe:
                    possible.Add(item);
                    break;
            }
        }

        match = definite.Count > 0 ? ColumnMatch.Yes : possible.Count > 0 ? ColumnMatch.Maybe : ColumnMatch.No;
        return definite.Count > 0 ? definite : possible;
    }

    private QueryOutput Expand(List<string> qualifier, QueryScope scope)
    {
        if (qualifier.Count > 0)
        {
            if (FindQualified(qualifier, scope) is { } item)
            {
                return item.Expand(context);
            }

            context.Note($"`{string.Join('.', qualifier)}.*` matches no relation in scope; no column is read for it");
            return QueryOutput.None;
        }

        var expanded = QueryOutput.None;
        foreach (var item in scope.FromEntries)
        {
            var part = item.Expand(context);
            expanded = new QueryOutput([.. expanded.Columns, .. part.Columns], [.. expanded.OpenRelations, .. part.OpenRelations]);
        }

        return expanded;
    }

    private static FromItem? FindQualified(IReadOnlyList<string> qualifier, QueryScope scope)
    {
        var (database, schema, name) = qualifier.Count switch
        {
            1 => (null, null, qualifier[0]),
            2 => (null, qualifier[0], qualifier[1]),
            3 => (qualifier[0], qualifier[1], qualifier[2]),
            _ => ((string?)null, (string?)null, (string?)null),
        };

        if (name is null)
        {
            return null;
        }

        for (var level = scope; level is not null; level = level.Parent)
        {
            if (!level.ItemsHidden && level.Items.FirstOrDefault(i => i.Matches(database, schema, name)) is { } item)
            {
                return item;
            }
        }

        return null;
    }

    private void NoteUncertain(string column, List<FromItem> candidates) =>
        context.Note($"column `{column}` may belong to any of {string.Join(", ", candidates.Select(c => c.Describe()))} (the schema does not say); read from each");

    private static SourceSet Sources(QueryOutput output)
    {
        var sources = new SourceSet();
        foreach (var column in output.Columns)
        {
            sources.AddRange(column.Sources);
        }

        return sources;
    }

    private void Record(SourceSet sources, SourceSet? sink)
    {
        foreach (var column in sources.Columns)
        {
            context.Accesses.Read(column);
        }

        sink?.AddRange(sources.Columns);
    }
}
