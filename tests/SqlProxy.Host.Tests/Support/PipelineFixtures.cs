using SqlProxy.Host.Configuration;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Upstream;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests.Support;

/// <summary>Hand-made analyses, decisions and contexts for testing pipeline stages without a database.</summary>
internal static class PipelineFixtures
{
    public static readonly RelationName Customers = new("testdb", "public", "customers");

    public static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();

    public static QualifiedColumn Column(string name, RelationName? relation = null) => new(relation ?? Customers, name);

    public static RuleReference Rule(int line, string? name = null) => new("test.rules", line, name);

    public static MaskDirective ColumnMask(string column, string masker, int line, IReadOnlyDictionary<string, string>? arguments = null) =>
        new(new ColumnPattern("testdb", "public", "customers", column), null, masker, arguments ?? NoArguments, Rule(line));

    public static MaskDirective LabelMask(string label, string masker, int line) => new(null, label, masker, NoArguments, Rule(line));

    public static Decision Allow(int line = 1) => new(Verdict.Allow, Rule(line), "allowed", []);

    public static StatementAnalysis Statement(string sql, StatementKind kind = StatementKind.Select, params ProjectedColumn[] projection) => new()
    {
        Kind = kind,
        Sql = sql,
        Fingerprint = "0",
        Accesses = [new StatementAccess(kind, Customers, [])],
        RelationsRead = [Customers],
        RelationsWritten = [],
        Projection = projection,
        ColumnsRead = projection.SelectMany(p => p.Sources).ToArray(),
        ColumnsWritten = [],
        HasWhere = false,
        Limit = null,
        Notes = [],
    };

    public static ProjectedColumn Projected(string name, params string[] sourceColumns) => new(name, sourceColumns.Select(c => Column(c)).ToArray());

    public static DatabaseConfig Database(int maxRows = 10_000) => new("testdb", "Host=127.0.0.1;Port=1;Username=u;Password=p", 1_000, maxRows, 1, 60);

    public static QueryContext Context(bool dryRun = false) =>
        new(new QueryRequest("req-1", DateTimeOffset.UnixEpoch, "127.0.0.1", null, dryRun, new QueryBody("testdb", "SELECT 1", null), null));

    public static ExecutionResult Result(string[] columns, params object?[][] rows) =>
        new(columns.Select(c => new ResultColumnInfo(c, "text")).ToArray(), rows, rows.Length, 0, false);
}
