using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Walking;

/// <summary>Assembles the SDK record from a walked statement.</summary>
internal static class StatementAnalysisBuilder
{
    public static StatementAnalysis Build(StatementShape shape, WalkContext context, string sql, string fingerprint)
    {
        context.EnsureAnyAccess(shape.Kind);
        var accesses = context.Accesses.ToAccesses();
        return new StatementAnalysis
        {
            Kind = shape.Kind,
            Sql = sql,
            Fingerprint = fingerprint,
            Accesses = accesses,
            RelationsRead = Relations(accesses.Where(a => a.Operation == StatementKind.Select)),
            RelationsWritten = Relations(accesses.Where(a => a.Operation != StatementKind.Select)),
            Projection = [.. shape.Output.Columns.Select(c => c.ToProjected())],
            ColumnsRead = Columns(accesses.Where(a => a.Operation == StatementKind.Select)),
            ColumnsWritten = Columns(accesses.Where(a => a.Operation is StatementKind.Insert or StatementKind.Update or StatementKind.Merge)),
            HasWhere = shape.HasWhere,
            Limit = shape.Limit,
            Notes = [.. context.Notes],
        };
    }

    private static IReadOnlyList<RelationName> Relations(IEnumerable<StatementAccess> accesses) =>
        [.. accesses.Where(a => a.Relation is not null).Select(a => a.Relation!).Distinct()];

    private static IReadOnlyList<QualifiedColumn> Columns(IEnumerable<StatementAccess> accesses) =>
        [.. accesses.Where(a => a.Relation is not null).SelectMany(a => a.Columns.Select(c => new QualifiedColumn(a.Relation!, c))).Distinct()];
}
