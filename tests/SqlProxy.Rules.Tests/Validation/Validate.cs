using SqlProxy.Rules.Validation;

namespace SqlProxy.Rules.Tests.Validation;

/// <summary>Compiles rules text (which must compile) and validates it against a small known environment.</summary>
static class Validate
{
    public const string Path = "test.rules";

    /// <summary>
    /// <c>testdb</c>: <c>public.customers</c>, <c>public.orders</c>, <c>sales.leads</c> and <c>pg_catalog.pg_class</c>;
    /// <c>otherdb</c>, whose schema is not known; the maskers <c>partial</c> and <c>email_domain</c> and a broken one;
    /// the labels <c>PII.Email</c> and <c>PII.Phone</c>; a predicate checker that refuses anything saying <c>bad</c>.
    /// </summary>
    public static RulesEnvironment Environment { get; } = new()
    {
        Databases = new Dictionary<string, IReadOnlyList<KnownTable>?>
        {
            ["testdb"] =
            [
                new("public", "customers", ["id", "name", "email", "phone", "region"]),
                new("public", "orders", ["id", "customer_id", "amount"]),
                new("sales", "leads", ["id", "email"]),
                new("pg_catalog", "pg_class", ["oid", "relname"]),
            ],
            ["otherdb"] = null,
        },
        Maskers = [new FakeMasker("partial", "keep_first", "keep_last"), new FakeMasker("email_domain"), new ThrowingMasker()],
        Labels = ["PII.Email", "PII.Phone"],
        CheckPredicate = (sql, parameters) => sql.Contains("bad", StringComparison.Ordinal) ? $"`{sql}` is not a boolean expression ({parameters} values)." : null,
    };

    /// <summary>Every diagnostic on one line each: <c>line:column: message (help: …)</c>, warnings marked, joined by <c> ¶ </c>.</summary>
    public static string Problems(string text, RulesEnvironment? environment = null)
    {
        RuleSource[] sources = [new(Path, text)];
        Assert.True(RulesCompiler.TryCompile(sources, out _, out var compileErrors), string.Join("\n", compileErrors));
        var found = RulesValidator.Validate(sources, environment ?? Environment);
        return found.Count == 0
            ? "(valid)"
            : string.Join(" ¶ ", found.Select(d =>
                $"{d.Line}:{d.Column}: {(d.Severity == DiagnosticSeverity.Warning ? "warning: " : "")}{d.Message}" + (d.Help is null ? "" : $" (help: {d.Help})")));
    }
}
