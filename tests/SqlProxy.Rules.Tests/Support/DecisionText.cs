namespace SqlProxy.Rules.Tests.Support;

/// <summary>A decision as one line of text, every part of it included, for comparing decisions whose lists are not compared by value.</summary>
static class DecisionText
{
    public static string Of(Decision d) =>
        $"{d.Verdict} by {d.Rule?.ToString() ?? "-"} ({d.Reason}) blocked [{string.Join(", ", d.BlockedColumns)}]" +
        $" masks [{string.Join("; ", d.Masks.Select(m => $"{m.Columns?.ToString() ?? "label " + m.Label} {m.Masker}({string.Join(",", m.Arguments.Select(a => $"{a.Key}={a.Value}"))}) {m.Rule}"))}]" +
        $" filters [{string.Join("; ", d.Filters.Select(f => $"{f.Table} {f.Predicate} ({string.Join(",", f.Values)}) {f.Rule}"))}]" +
        $" limit {d.RowLimit?.ToString() ?? "-"} by {d.LimitRule?.ToString() ?? "-"}";
}
