using System.Text;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.RuleTests;

/// <summary>A test being read: its lines so far, and what is still missing when it ends.</summary>
/// <param name="name">The test's name, or null when its <c>test</c> line is wrong (reported already: nothing else is said of it).</param>
internal sealed class TestCaseBuilder(string? name, string path, int line, int column)
{
    private readonly HashSet<string> given = new(StringComparer.Ordinal);

    public string Name => name ?? "?";

    public int Line => line;

    public UserIdentity? User { get; set; }

    public string? Database { get; set; }

    public StringBuilder? Sql { get; set; }

    public StringBuilder? ExpectedSql { get; set; }

    public int ExpectedSqlLine { get; set; }

    public DateTimeOffset? Time { get; set; }

    public string? Client { get; set; }

    public List<Expectation> Expectations { get; } = [];

    /// <summary>Set when one of its lines had a problem (already reported): the test is not run.</summary>
    public bool Broken { get; set; }

    /// <summary>False when <paramref name="kind"/> was given already (<c>user</c>, <c>expect masked</c> …).</summary>
    public bool Give(string kind) => given.Add(kind);

    /// <summary>The test, or null with a problem for each line it lacks.</summary>
    public RuleTestCase? Build(List<RuleDiagnostic> problems)
    {
        // A test with a wrong line says nothing more: what seems missing is usually on the wrong line.
        if (name is null || Broken) return null;
        var before = problems.Count;
        foreach (var missing in new[] { "user", "database", "sql" }.Where(kind => !given.Contains(kind)))
            problems.Add(new RuleDiagnostic(path, line, column, $"test `{name}` has no `{missing}` line", $"add a line `{Example(missing)}`"));
        if (ExpectedSql is not null) Expectations.Add(new SqlExpectation(ExpectedSqlLine, ExpectedSql.ToString()));
        if (!given.Any(kind => kind.StartsWith("expect ", StringComparison.Ordinal)))
            problems.Add(new RuleDiagnostic(path, line, column, $"test `{name}` expects nothing", "add a line such as `expect allow` or `expect block`"));
        if (problems.Count > before) return null;
        return new RuleTestCase(name, path, line, User!, Database!, Sql!.ToString(), Time ?? RuleTestCase.DefaultTime,
            Client ?? RuleTestCase.DefaultClientAddress, [.. Expectations.OrderBy(e => e.Line)]);
    }

    private static string Example(string line) => line switch
    {
        "user" => "user analyst roles analyst, readonly",
        "database" => "database testdb",
        _ => "sql SELECT name FROM customers",
    };
}
