namespace SqlProxy.Analysis.Walking.Scopes;

/// <summary>
/// A join as one FROM entry. <c>*</c> expands it the way PostgreSQL does: the columns merged by
/// USING or NATURAL first (once, from both sides), then the rest of the left, then of the right.
/// Its leaves are in scope on their own for column references; its alias, if any, reaches it.
/// </summary>
internal sealed class JoinItem : FromItem
{
    /// <summary>
    /// Merging costs time quadratic in the length of a chain of USING joins; past this many, <c>*</c>
    /// lists every leaf's columns unmerged (PostgreSQL caps a target list at 1,664 columns anyway).
    /// </summary>
    public const int MaxMergingJoins = 256;

    private readonly int mergingJoins;
    private IReadOnlyList<string>? outputNames;

    public JoinItem(string? alias, FromItem left, FromItem right, IReadOnlyList<string> mergedColumns)
        : base(alias)
    {
        Left = left;
        Right = right;
        MergedColumns = mergedColumns;
        mergingJoins = (mergedColumns.Count > 0 ? 1 : 0) + ((left as JoinItem)?.mergingJoins ?? 0) + ((right as JoinItem)?.mergingJoins ?? 0);
    }

    public FromItem Left { get; }

    public FromItem Right { get; }

    /// <summary>The columns USING or NATURAL merges, in order.</summary>
    public IReadOnlyList<string> MergedColumns { get; }

    /// <summary>
    /// The tables, subqueries and functions joined, at any depth. Walked on demand: storing them
    /// per join would take memory quadratic in the length of a join chain.
    /// </summary>
    public IEnumerable<FromItem> Leaves
    {
        get
        {
            var pending = new Stack<FromItem>([Right, Left]);
            while (pending.TryPop(out var item))
            {
                if (item is JoinItem join)
                {
                    pending.Push(join.Right);
                    pending.Push(join.Left);
                }
                else
                {
                    yield return item;
                }
            }
        }
    }

    public static IReadOnlyList<FromItem> LeavesOf(FromItem item) => item is JoinItem join ? [.. join.Leaves] : [item];

    public override string Describe() => Name is null ? "a join" : $"`{Name}`";

    public override ColumnMatch Has(string column)
    {
        var best = ColumnMatch.No;
        foreach (var leaf in Leaves)
        {
            var match = leaf.Has(column);
            best = match > best ? match : best;
        }

        return best;
    }

    public override void Resolve(string column, WalkContext context, SourceSet sources)
    {
        var best = Has(column);
        foreach (var leaf in Leaves)
        {
            if (best != ColumnMatch.No && leaf.Has(column) == best)
            {
                leaf.Resolve(column, context, sources);
            }
        }
    }

    public override QueryOutput Expand(WalkContext context)
    {
        if (mergingJoins == 0 || mergingJoins > MaxMergingJoins)
        {
            if (mergingJoins > 0)
            {
                context.Note($"`*` over more than {MaxMergingJoins} USING or NATURAL joins: their columns are listed unmerged");
            }

            // The leaves' columns in order, without recursion.
            return Concatenated(Leaves.Select(leaf => leaf.Expand(context)));
        }

        WalkContext.EnsureStack();
        var leftOutput = Left.Expand(context);
        var rightOutput = Right.Expand(context);
        var merged = MergedColumns.ToHashSet();
        var mergedSources = MergedColumns.ToDictionary(c => c, _ => new SourceSet());
        foreach (var column in leftOutput.Columns.Concat(rightOutput.Columns).Where(c => merged.Contains(c.Name)))
        {
            mergedSources[column.Name].AddRange(column.Sources);
        }

        IReadOnlyList<OutputColumn> columns =
        [
            .. MergedColumns.Select(c => new OutputColumn(c, mergedSources[c].Columns)),
            .. leftOutput.Columns.Concat(rightOutput.Columns).Where(c => !merged.Contains(c.Name)),
        ];
        return new QueryOutput(columns, [.. leftOutput.OpenRelations, .. rightOutput.OpenRelations]);
    }

    /// <summary>
    /// Kept only until the enclosing join has asked for them: a chain of NATURAL joins asks each
    /// level once, and keeping every level's names would take memory quadratic in its length.
    /// </summary>
    public override IReadOnlyList<string>? OutputNames()
    {
        if (outputNames is not null)
        {
            return outputNames;
        }

        WalkContext.EnsureStack();
        var leftNames = Left.OutputNames();
        var rightNames = Right.OutputNames();
        (Left as JoinItem)?.ForgetOutputNames();
        (Right as JoinItem)?.ForgetOutputNames();
        if (leftNames is null || rightNames is null)
        {
            return null;
        }

        var merged = MergedColumns.ToHashSet();
        outputNames = [.. MergedColumns, .. leftNames.Concat(rightNames).Where(n => !merged.Contains(n))];
        return outputNames;
    }

    private void ForgetOutputNames() => outputNames = null;

    private static QueryOutput Concatenated(IEnumerable<QueryOutput> parts)
    {
        var columns = new List<OutputColumn>();
        var open = new List<Sdk.RelationName>();
        foreach (var part in parts)
        {
            columns.AddRange(part.Columns);
            open.AddRange(part.OpenRelations);
        }

        return new QueryOutput(columns, open);
    }
}
