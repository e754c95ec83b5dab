using System.Collections.Concurrent;
using Google.Protobuf;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Reads a filter predicate as the WHERE of <c>SELECT WHERE &lt;predicate&gt;</c>, checking that it is exactly one expression:
/// anything after it (<c>; DROP …</c>, <c>UNION …</c>, <c>ORDER BY …</c>) either fails to parse or lands in another clause.
/// </summary>
internal static class PredicateReader
{
    /// <summary>
    /// The deepest predicate accepted, in protobuf messages (<c>SELECT WHERE</c> takes 5), whatever the limits: predicates
    /// are read and copied with Google.Protobuf's recursive code on whichever thread the statement is rewritten.
    /// </summary>
    public const int MaxDepth = 64;

    private const int CacheCapacity = 1024;
    private const string Prefix = "SELECT WHERE ";

    /// <summary>Predicates come from rules, so there are few: read each once.</summary>
    private static readonly ConcurrentDictionary<string, PredicateTemplate> Cache = new(StringComparer.Ordinal);

    /// <summary>The predicate's template, or null with one sentence (user text in backticks) saying what is wrong.</summary>
    public static PredicateTemplate? TryRead(string predicate, AnalysisLimits limits, out string? error)
    {
        if (Cache.TryGetValue(predicate, out var cached))
        {
            error = null;
            return cached;
        }

        var template = Read(predicate, limits, out error);
        if (template is not null)
        {
            if (Cache.Count >= CacheCapacity)
            {
                Cache.Clear();
            }

            Cache[predicate] = template;
        }

        return template;
    }

    private static PredicateTemplate? Read(string predicate, AnalysisLimits limits, out string? error)
    {
        if (string.IsNullOrWhiteSpace(predicate))
        {
            error = "the predicate is empty";
            return null;
        }

        var tree = TreeReader.TryRead(Prefix + predicate, limits, Math.Min(limits.MaxDepth, MaxDepth), out var refused, out var tooDeep);
        if (tree is null)
        {
            error = tooDeep
                ? $"predicate `{predicate}` is nested deeper than {Math.Min(limits.MaxDepth, MaxDepth)} levels"
                : $"predicate `{predicate}` is not a valid SQL expression: {refused}";
            return null;
        }

        if (tree.Stmts.Count != 1 || tree.Stmts[0].Stmt?.SelectStmt is not { WhereClause: { } condition } select || !IsBareWhere(select))
        {
            error = $"predicate `{predicate}` must be one expression with nothing after it";
            return null;
        }

        var (lowest, highest) = ParameterRange(condition, (int.MaxValue, 0));
        if (lowest < 1)
        {
            error = $"predicate `{predicate}` uses `${lowest}`, but parameters start at `$1`";
            return null;
        }

        RelationPinner.Pin(condition);
        error = null;
        return new PredicateTemplate(condition, highest);
    }

    /// <summary>The sentence for a predicate using <c>$<paramref name="highest"/></c> with fewer values bound.</summary>
    public static string MissingValues(string predicate, int highest, int bound) =>
        $"predicate `{predicate}` uses `${highest}`, but {(bound == 1 ? "only 1 value is" : bound == 0 ? "no values are" : $"only {bound} values are")} bound";

    /// <summary>True when the SELECT has nothing but its WHERE: no output, FROM, GROUP BY, ORDER BY, set operation, ….</summary>
    private static bool IsBareWhere(SelectStmt select)
    {
        var rest = select.Clone();
        rest.WhereClause = null;
        return rest.Equals(new SelectStmt { LimitOption = LimitOption.Default, Op = SetOperation.SetopNone });
    }

    private static (int Lowest, int Highest) ParameterRange(IMessage message, (int Lowest, int Highest) range)
    {
        if (message is ParamRef parameter)
        {
            range = (Math.Min(range.Lowest, parameter.Number), Math.Max(range.Highest, parameter.Number));
        }

        foreach (var child in ParseTreeChildren.Of(message))
        {
            range = ParameterRange(child, range);
        }

        return range;
    }
}
