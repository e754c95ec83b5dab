using System.Globalization;
using System.Net;
using System.Text;
using SqlProxy.Rules;
using SqlProxy.Sdk;

namespace SqlProxy.Host.RuleTests;

/// <summary>
/// Reads a <c>.rules.test</c> file. A test is a <c>test '&lt;name&gt;'</c> line and the lines after it:
/// <c>user</c>, <c>database</c>, <c>sql</c>, optional <c>time</c> and <c>client</c>, and <c>expect</c> lines.
/// <c>#</c> starts a comment line. The SQL of <c>sql</c> and <c>expect sql</c> goes on over the lines after it
/// that are indented deeper. Every problem is reported at its <c>path:line:column</c>.
/// </summary>
internal static class RuleTestParser
{
    private static readonly string[] LineKinds = ["test", "user", "database", "sql", "time", "client", "expect"];

    public static IReadOnlyList<RuleTestCase> Parse(string text, string path, out IReadOnlyList<RuleDiagnostic> problems)
    {
        var found = new List<RuleDiagnostic>();
        var tests = new List<RuleTestCase>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        TestCaseBuilder? current = null;
        (StringBuilder Text, int Indent)? continued = null;

        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = new TestLine(lines[index].TrimEnd('\r'), index + 1);
            if (line.AtEnd || line.Peek == '#')
            {
                continued = null;
                continue;
            }
            if (continued is { } open && line.Indent > open.Indent)
            {
                open.Text.Append('\n').Append(line.Rest());
                continue;
            }
            continued = null;

            var column = line.Column;
            var keyword = line.Word();
            if (keyword == "test")
            {
                Finish();
                current = StartTest(line, column);
                continue;
            }
            if (keyword is null || !LineKinds.Contains(keyword, StringComparer.Ordinal))
            {
                var shown = keyword ?? line.Rest();
                Problem(line.Number, column, $"`{shown}` is not a test line",
                    Spelling.Help(shown, LineKinds, "a test's lines are `test`, `user`, `database`, `sql`, `time`, `client` and `expect`"));
                continue;
            }
            if (current is null)
            {
                Problem(line.Number, column, $"`{keyword}` is outside a test", "start each test with a line `test '<name>'`");
                continue;
            }
            var before = found.Count;
            continued = ReadLine(current, keyword, line, column);
            if (found.Count == before && !line.AtEnd)
                Problem(line.Number, line.Column, $"unexpected `{line.Rest()}` at the end of the `{keyword}` line");
        }
        Finish();
        problems = [.. found.OrderBy(problem => problem.Line).ThenBy(problem => problem.Column)];
        return tests;

        void Finish()
        {
            if (current?.Build(found) is { } test) tests.Add(test);
            current = null;
        }

        // A test whose `test` line is wrong still gathers its lines, so they are not reported as outside a test.
        TestCaseBuilder StartTest(TestLine line, int column)
        {
            var nameColumn = line.Column;
            string? name = null, error = null;
            if (line.Peek == '\'') name = line.Value(out error);
            current = new TestCaseBuilder(name, path, line.Number, column);
            if (name is null)
            {
                if (error is not null) Problem(line.Number, nameColumn, error);
                else Problem(line.Number, nameColumn, "a test's name is written in single quotes", "e.g. `test 'analysts read customers'`");
                line.Rest();
            }
            else if (!names.TryAdd(name, line.Number))
            {
                Problem(line.Number, column, $"a test named `{name}` is already defined at line {names[name]}", "give each test its own name");
            }
            if (!line.AtEnd)
                Problem(line.Number, line.Column, $"unexpected `{line.Rest()}` after the test's name");
            return current;
        }

        (StringBuilder, int)? ReadLine(TestCaseBuilder test, string keyword, TestLine line, int column)
        {
            var kind = keyword == "expect" ? ExpectationReader.Kind(line) : keyword;
            if (!test.Give(kind))
            {
                Problem(line.Number, column, $"test `{test.Name}` has more than one {(kind == ExpectationReader.Verdicts ? "`expect allow` or `expect block`" : $"`{kind}`")} line");
                line.Rest();
                return null;
            }
            switch (keyword)
            {
                case "user":
                    test.User = ReadUser(line);
                    return null;
                case "database":
                    test.Database = Required(line, "a database name", "database testdb");
                    return null;
                case "sql":
                    test.Sql = new StringBuilder(ExpectationReader.SqlText(line, "sql SELECT name FROM customers", Problem));
                    return (test.Sql, line.Indent);
                case "time":
                    test.Time = ReadTime(line);
                    return null;
                case "client":
                    test.Client = ReadClient(line);
                    return null;
                default:
                    return ExpectationReader.Read(test, line, Problem);
            }
        }

        UserIdentity? ReadUser(TestLine line)
        {
            var name = Required(line, "a user name", "user analyst roles analyst, readonly attributes region = 'north'");
            if (name is null) return null;
            var roles = new List<string>();
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (line.Accept("roles"))
            {
                do
                {
                    // `roles a, attributes …`: a comma too many, not a role named `attributes` (that one would be quoted).
                    if (line.PeekWord() == "attributes")
                    {
                        Problem(line.Number, line.Column, "a role is missing after `,`", "e.g. `roles analyst, readonly`");
                        return null;
                    }
                    if (Required(line, "a role", "roles analyst, readonly") is { } role) roles.Add(role);
                    else return null;
                }
                while (line.Accept(','));
            }
            if (line.Accept("attributes"))
            {
                do
                {
                    var column = line.Column;
                    var key = line.Word();
                    if (key is null || !line.Accept('='))
                    {
                        Problem(line.Number, column, "an attribute is written `key = 'value'`", "e.g. `attributes region = 'north', team = 'sales'`");
                        return null;
                    }
                    if (Required(line, "a value", "attributes region = 'north'") is not { } value) return null;
                    if (!attributes.TryAdd(key, value)) Problem(line.Number, column, $"the attribute `{key}` is given twice");
                }
                while (line.Accept(','));
            }
            return new UserIdentity(name, roles, attributes);
        }

        DateTimeOffset? ReadTime(TestLine line)
        {
            var column = line.Column;
            var text = line.Rest();
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                return time;
            Problem(line.Number, column, $"`{text}` is not a time", "write a date and time in UTC, e.g. `time 2025-01-04 23:30`");
            return null;
        }

        string? ReadClient(TestLine line)
        {
            var column = line.Column;
            var address = line.Word();
            if (address is not null && IPAddress.TryParse(address, out _)) return address;
            Problem(line.Number, column, $"`{address ?? line.Rest()}` is not an IP address", "e.g. `client 10.1.2.3`");
            return null;
        }

        string? Required(TestLine line, string what, string example)
        {
            var column = line.Column;
            var value = line.Value(out var error);
            if (value is not null) return value;
            Problem(line.Number, column, error ?? (line.AtEnd ? $"{what} is missing" : $"`{line.Rest()}` is not {what}"), error is null ? $"e.g. `{example}`" : null);
            line.Rest();
            return null;
        }

        void Problem(int line, int column, string message, string? help = null)
        {
            found.Add(new RuleDiagnostic(path, line, column, message, help));
            if (current is not null) current.Broken = true;
        }
    }
}
