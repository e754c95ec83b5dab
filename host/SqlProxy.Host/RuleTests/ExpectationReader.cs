using System.Globalization;
using System.Text;
using SqlProxy.Rules;

namespace SqlProxy.Host.RuleTests;

/// <summary>
/// Reads the <c>expect</c> lines of a test: <c>allow|block [by …]</c>, <c>masked …|none</c>, <c>sql …</c> and <c>limit N|none</c>.
/// </summary>
internal static class ExpectationReader
{
    /// <summary>The one kind <c>expect allow</c> and <c>expect block</c> share: a test expects one verdict.</summary>
    public const string Verdicts = "expect verdict";

    private static readonly string[] Expectable = ["allow", "block", "masked", "sql", "limit"];

    /// <summary>The kind of an <c>expect</c> line (e.g. <c>expect masked</c>), read without consuming it.</summary>
    public static string Kind(TestLine line) => line.PeekWord() switch
    {
        "allow" or "block" => Verdicts,
        var word => "expect " + word,
    };

    /// <summary>Reads the rest of an <c>expect</c> line into the test; for <c>expect sql</c>, the SQL that deeper-indented lines continue.</summary>
    public static (StringBuilder, int)? Read(TestCaseBuilder test, TestLine line, ReportProblem problem)
    {
        var column = line.Column;
        var what = line.Word();
        switch (what)
        {
            case "allow" or "block":
                var by = line.Accept("by") ? ReadDecidingRule(line, problem) : null;
                test.Expectations.Add(new VerdictExpectation(line.Number, what == "allow" ? Verdict.Allow : Verdict.Block, by));
                return null;
            case "masked":
                if (ReadColumns(line, problem) is { } columns) test.Expectations.Add(new MaskedExpectation(line.Number, columns));
                return null;
            case "sql":
                test.ExpectedSql = new StringBuilder(SqlText(line, "expect sql SELECT name FROM customers", problem));
                test.ExpectedSqlLine = line.Number;
                return (test.ExpectedSql, line.Indent);
            case "limit":
                if (TryReadLimit(line, problem, out var rows)) test.Expectations.Add(new LimitExpectation(line.Number, rows));
                return null;
            default:
                var shown = what ?? line.Rest();
                problem(line.Number, column, $"`{shown}` cannot be expected",
                    Spelling.Help(shown, Expectable, "expect `allow`, `block`, `masked`, `sql` or `limit`"));
                line.Rest();
                return null;
        }
    }

    private static DecidingRule? ReadDecidingRule(TestLine line, ReportProblem problem)
    {
        var column = line.Column;
        if (line.Peek == '\'')
        {
            var name = line.Value(out var error);
            if (name is null) problem(line.Number, column, error!);
            return name is null ? null : new DecidingRule(name, null, 0);
        }
        var word = line.Word();
        if (word == "default") return DecidingRule.Default;
        var colon = word?.LastIndexOf(':') ?? -1;
        if (colon > 0 && int.TryParse(word![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ruleLine) && ruleLine > 0)
            return new DecidingRule(null, word[..colon], ruleLine);
        problem(line.Number, column, $"`{word ?? line.Rest()}` does not name a rule", "write `by 'rule name'`, `by access.rules:12` or `by default`");
        line.Rest();
        return null;
    }

    private static IReadOnlyList<string>? ReadColumns(TestLine line, ReportProblem problem)
    {
        if (line.Accept("none")) return [];
        var columns = new List<string>();
        do
        {
            var column = line.Column;
            var name = line.Name(out var error);
            if (name is null)
            {
                problem(line.Number, column, error ?? (line.AtEnd ? "a result column is missing" : $"`{line.Rest()}` is not a result column"),
                    error is null ? "e.g. `expect masked email, \"Full Name\"`" : null);
                line.Rest();
                return null;
            }
            columns.Add(name);
        }
        while (line.Accept(','));
        return columns;
    }

    /// <summary><c>none</c> (no cap) or a positive number of rows.</summary>
    private static bool TryReadLimit(TestLine line, ReportProblem problem, out long? rows)
    {
        rows = null;
        var column = line.Column;
        if (line.Accept("none")) return true;
        var word = line.Word();
        if (long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            rows = count;
            return true;
        }
        problem(line.Number, column, $"`{word ?? line.Rest()}` is not a number of rows", "write `expect limit 100` or `expect limit none`");
        line.Rest();
        return false;
    }

    /// <summary>The rest of the line as SQL; a problem when there is none.</summary>
    public static string SqlText(TestLine line, string example, ReportProblem problem)
    {
        var column = line.Column;
        var sql = line.Rest();
        if (sql.Length == 0) problem(line.Number, column, "the SQL is missing", $"e.g. `{example}`");
        return sql;
    }
}
