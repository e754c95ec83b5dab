using SqlProxy.Analysis.Rewriting;
using SqlProxy.Host.Commands;
using SqlProxy.Host.RuleTests;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Tests;

/// <summary>`sqlproxy rules test`: the sample tests pass; a failure prints its trace; malformed test files give exact errors.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class RuleTestCommandTests(SampleDatabase sample) : IDisposable
{
    private readonly string rules = RulesValidationTests.CopyOfSampleRules();

    [Fact]
    public async Task The_sample_tests_pass_without_a_database()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await RulesTestCommand.RunAsync([Path.Combine(RepositoryPaths.Samples, "rules")], null, output, errors, CancellationToken.None));

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.All(lines[..^1], line => Assert.StartsWith("PASS ", line));
        Assert.Matches(@"^rules test: \d+ passed, 0 failed\.$", lines[^1]);
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public async Task The_sample_tests_pass_against_the_live_schema()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await RulesTestCommand.RunAsync([rules], RulesValidationTests.WriteConfig(sample, rules), output, errors, CancellationToken.None));

        Assert.Matches(@"rules test: \d+ passed, 0 failed\.", output.ToString());
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public async Task A_failing_test_prints_what_was_expected_and_the_trace_and_exits_1()
    {
        File.WriteAllText(Path.Combine(rules, "access.rules.test"), """
            test 'auditors read customers'
              user auditor roles auditor, readonly
              database testdb
              sql SELECT name FROM customers
              expect allow
            """);
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await RulesTestCommand.RunAsync([rules], null, output, errors, CancellationToken.None));

        var text = output.ToString().ReplaceLineEndings("\n");
        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), rules).Replace('\\', '/');
        Assert.StartsWith(
            $"""
            FAIL {display}/access.rules.test:1 auditors read customers
              {display}/access.rules.test:5: expected allow, got block by default: no rule allows `select` on `testdb.public.customers` for user `auditor`
              trace:

            """,
            text);
        Assert.Contains($"    not matched {display}/access.rules:", text);
        Assert.Contains(" allow 'analysts read the sales tables' for select on testdb.public.customers: its conditions do not hold\n", text);
        Assert.EndsWith("rules test: 0 passed, 1 failed.\n", text);
    }

    [Fact]
    public async Task Masks_row_filters_and_limits_are_tested_as_the_proxy_applies_them()
    {
        File.WriteAllText(Path.Combine(rules, "shaping.rules"), """
            mask testdb.public.customers.email with partial(keep_last = 4) when user has role 'analyst';
            limit 100 on testdb.public.customers when user has role 'analyst';
            """);
        const string sql = "SELECT name, lower(email) AS contact FROM customers";
        var customers = new RelationName("testdb", "public", "customers");
        var rewritten = RowFilterRewriter.Rewrite(sql, "testdb", [new TableFilter(customers, "region = $1", ["north"])]);
        File.WriteAllText(Path.Combine(rules, "access.rules.test"), $"""
            test 'analysts see their region, masked and capped'
              user analyst roles analyst, readonly attributes region = 'north'
              database testdb
              sql {sql}
              expect allow by 'analysts read the sales tables'
              expect masked contact
              expect limit 100
              expect sql {rewritten}

            test 'developers see everything'
              user developer roles developer
              database testdb
              sql {sql}
              expect allow
              expect masked none
              expect limit none
              expect sql {sql}
            """);
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await RulesTestCommand.RunAsync([rules], null, output, errors, CancellationToken.None));

        Assert.EndsWith("rules test: 2 passed, 0 failed.\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public async Task A_malformed_test_file_is_reported_and_nothing_runs()
    {
        File.WriteAllText(Path.Combine(rules, "access.rules.test"), "test 'x'\n  usr analyst\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await RulesTestCommand.RunAsync([rules], null, output, errors, CancellationToken.None));

        Assert.Contains("access.rules.test:2:3: `usr` is not a test line\n  help: did you mean `user`?\n", errors.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("rules test: 0 passed, 0 failed. 1 problem(s) kept tests from running.\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_directory_without_tests_is_an_error()
    {
        File.Delete(Path.Combine(rules, "access.rules.test"));
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await RulesTestCommand.RunAsync([rules], null, output, errors, CancellationToken.None));

        Assert.Equal($"no `*.rules.test` files in `{rules}`\n", errors.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("usr analyst", "1:1: `usr` is not a test line (help: did you mean `user`?)")]
    [InlineData("user analyst", "1:1: `user` is outside a test (help: start each test with a line `test '<name>'`)")]
    [InlineData("test analysts", "1:6: a test's name is written in single quotes (help: e.g. `test 'analysts read customers'`)")]
    [InlineData("test 'analysts", "1:6: the string is not closed: `'` is missing at the end of the line")]
    [InlineData("test 'a' extra", "1:10: unexpected `extra` after the test's name")]
    [InlineData("test 'a'\n  database testdb\n  sql SELECT 1",
        "1:1: test `a` has no `user` line (help: add a line `user analyst roles analyst, readonly`) ¶ " +
        "1:1: test `a` expects nothing (help: add a line such as `expect allow` or `expect block`)")]
    [InlineData(Valid + "test 'a'\n" + Body, "6:1: a test named `a` is already defined at line 1 (help: give each test its own name)")]
    [InlineData("test 'a'\n  user\n" + NoUser, "2:7: a user name is missing (help: e.g. `user analyst roles analyst, readonly attributes region = 'north'`)")]
    [InlineData("test 'a'\n  user x roles a, attributes k = 'v'\n" + NoUser, "2:19: a role is missing after `,` (help: e.g. `roles analyst, readonly`)")]
    [InlineData("test 'a'\n  user x attributes k 'v'\n" + NoUser,
        "2:21: an attribute is written `key = 'value'` (help: e.g. `attributes region = 'north', team = 'sales'`)")]
    [InlineData("test 'a'\n  user x attributes k = 'v', k = 'w'\n" + NoUser, "2:30: the attribute `k` is given twice")]
    [InlineData(Valid + "  database otherdb\n", "6:3: test `a` has more than one `database` line")]
    [InlineData(Valid + "  expect block\n", "6:3: test `a` has more than one `expect allow` or `expect block` line")]
    [InlineData(Valid + "  expect allw\n", "6:10: `allw` cannot be expected (help: did you mean `allow`?)")]
    [InlineData(Valid + "  expect masked\n", "6:16: a result column is missing (help: e.g. `expect masked email, \"Full Name\"`)")]
    [InlineData(Valid + "  expect limit 0\n", "6:16: `0` is not a number of rows (help: write `expect limit 100` or `expect limit none`)")]
    [InlineData(Valid + "  expect sql\n", "6:13: the SQL is missing (help: e.g. `expect sql SELECT name FROM customers`)")]
    [InlineData(Valid + "  time yesterday\n", "6:8: `yesterday` is not a time (help: write a date and time in UTC, e.g. `time 2025-01-04 23:30`)")]
    [InlineData(Valid + "  client 300.1.1.1\n", "6:10: `300.1.1.1` is not an IP address (help: e.g. `client 10.1.2.3`)")]
    [InlineData("test 'a'\n  user x\n  database testdb\n  sql SELECT 1\n  expect allow by somewhere\n",
        "5:19: `somewhere` does not name a rule (help: write `by 'rule name'`, `by access.rules:12` or `by default`)")]
    [InlineData("test 'a'\n  user x\n  database testdb\n  sql SELECT 1\n  expect allow by 'unclosed\n",
        "5:19: the string is not closed: `'` is missing at the end of the line")]
    public void Malformed_test_files_give_exact_errors(string text, string expected)
    {
        RuleTestParser.Parse(text, "t.rules.test", out var problems);
        Assert.Equal(expected, string.Join(" ¶ ", problems.Select(p => $"{p.Line}:{p.Column}: {p.Message}" + (p.Help is null ? "" : $" (help: {p.Help})"))));
    }

    [Fact]
    public void A_test_file_reads_into_requests_and_expectations()
    {
        var tests = RuleTestParser.Parse("""
            # a comment
            test 'it''s read'
              user 'Ann Lee' roles analyst, 'read only' attributes region = 'north', team = sales
              database testdb
              sql SELECT email
                FROM customers
              time 2025-01-04 23:30
              client 10.1.2.3
              expect allow by 'analysts read'
              expect masked email, "Full Name"
              expect sql SELECT email FROM customers
                WHERE region = 'north'
              expect limit 100
            """, "t.rules.test", out var problems);

        Assert.Empty(problems);
        var test = Assert.Single(tests);
        Assert.Equal("it's read", test.Name);
        Assert.Equal(2, test.Line);
        Assert.Equal("Ann Lee", test.User.Name);
        Assert.Equal(["analyst", "read only"], test.User.Roles);
        Assert.Equal(new Dictionary<string, string> { ["region"] = "north", ["team"] = "sales" }, test.User.Attributes);
        Assert.Equal("SELECT email\nFROM customers", test.Sql);
        Assert.Equal(new DateTimeOffset(2025, 1, 4, 23, 30, 0, TimeSpan.Zero), test.Time);
        Assert.Equal("10.1.2.3", test.ClientAddress);
        Assert.Equal(
            ["allow by 'analysts read'", "masked email, Full Name", "sql SELECT email FROM customers WHERE region = 'north'", "limit 100"],
            test.Expectations.Select(e => e.Describe()).ToArray());
    }

    [Fact]
    public void Left_out_time_and_client_have_fixed_defaults()
    {
        var test = Assert.Single(RuleTestParser.Parse(Valid, "t.rules.test", out _));
        Assert.Equal(RuleTestCase.DefaultTime, test.Time);
        Assert.Equal(DayOfWeek.Monday, test.Time.DayOfWeek);
        Assert.Equal("127.0.0.1", test.ClientAddress);
    }

    private const string NoUser = "  database testdb\n  sql SELECT 1\n  expect allow\n";
    private const string Body = "  user x\n" + NoUser;
    private const string Valid = "test 'a'\n" + Body;

    public void Dispose() => Directory.Delete(rules, recursive: true);
}
