using System.Globalization;
using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// What a rewrite depends on: the statement, the database and the filters in order. The filters are written into one
/// string so that the key compares them by value (<see cref="TableFilter.Values"/> is a list, which a record compares by
/// reference) and keeps its own copy of them.
/// </summary>
internal readonly record struct RewriteCacheKey(string Sql, string Database, string Filters)
{
    /// <summary>The key of rewriting <paramref name="sql"/> in <paramref name="database"/> with <paramref name="filters"/>.</summary>
    public static RewriteCacheKey For(string sql, string database, IReadOnlyList<TableFilter> filters) =>
        new(sql, database, Encode(filters));

    /// <summary>
    /// Every part is either <c>~</c> (null) or its length, a colon and the text; a filter starts with <c>F</c>, a table
    /// with <c>T</c> and a value list with <c>#count;</c>. Each element announces its own kind and end, so two different
    /// filter lists never give the same string: ["a", "b"], ["ab"] and ["a\0b"] stay apart, whatever the text holds.
    /// </summary>
    internal static string Encode(IReadOnlyList<TableFilter> filters)
    {
        var text = new StringBuilder(64 * filters.Count);
        foreach (var filter in filters)
        {
            if (filter is null)
            {
                text.Append('~');
                continue;
            }

            text.Append('F');
            AppendTable(text, filter.Table);
            AppendPart(text, filter.Predicate);
            AppendValues(text, filter.Values);
        }

        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, RelationName? table)
    {
        if (table is null)
        {
            text.Append('~');
            return;
        }

        text.Append('T');
        AppendPart(text, table.Database);
        AppendPart(text, table.Schema);
        AppendPart(text, table.Name);
    }

    private static void AppendValues(StringBuilder text, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            text.Append('~');
            return;
        }

        text.Append('#').Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append(';');
        for (var i = 0; i < values.Count; i++)
        {
            AppendPart(text, values[i]);
        }
    }

    private static void AppendPart(StringBuilder text, string? part)
    {
        if (part is null)
        {
            text.Append('~');
            return;
        }

        text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
    }
}
