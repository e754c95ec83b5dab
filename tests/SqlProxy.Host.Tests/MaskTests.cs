using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Masking;
using SqlProxy.Host.Pipeline;
using SqlProxy.Host.Tests.Plugins;
using SqlProxy.Host.Tests.Support;
using SqlProxy.Rules;
using SqlProxy.Sdk;
using static SqlProxy.Host.Tests.Support.PipelineFixtures;

namespace SqlProxy.Host.Tests;

/// <summary>Result columns are masked by provenance and by classification label; a failing masker redacts.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class MaskTests(SampleDatabase sample)
{
    private const string RulesText = """
        rule 'analysts read the sales tables'
        allow select on testdb.public.customers, testdb.public.orders when user has role 'analyst';

        rule 'admins do everything'
        allow all on * when user has role 'admin';

        rule 'phones are hidden by label'
        mask label 'PII.Phone' with redact when user has role 'analyst';

        rule 'emails show two letters'
        mask testdb.public.customers.email with partial(keep_first = 2, keep_last = 0) when user has role 'analyst';

        rule 'names are hashed'
        mask testdb.public.customers.name with hash when user has role 'analyst';

        rule 'analysts use cursors'
        allow utility on testdb when user has role 'analyst';
        """;

    // ---- over HTTP, against PostgreSQL ----

    [Fact]
    public async Task A_column_mask_masks_the_column_for_the_users_it_names_only()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var analyst = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id, email FROM customers WHERE id = 1")).JsonAsync();
        var admin = await (await proxy.QueryAsync(DemoKeys.Admin, "SELECT id, email FROM customers WHERE id = 1")).JsonAsync();

        Assert.Equal("ma" + new string('*', "maria.garcia@example.com".Length - 2), (string?)analyst["data"]!["rows"]![0]![1]);
        Assert.Equal(["email"], analyst["masked_columns"].Strings());
        var mask = analyst["masks"]![0]!;
        Assert.Equal("partial", (string?)mask["masker"]);
        Assert.EndsWith("test.rules:10", (string?)mask["rule"]);
        Assert.Equal("column testdb.public.customers.email", (string?)mask["matched_by"]);
        Assert.False((bool)mask["failed_closed"]!);
        Assert.Equal("PII.Email", (string?)analyst["classifications"]!["email"]);
        Assert.Equal("maria.garcia@example.com", (string?)admin["data"]!["rows"]![0]![1]);
        Assert.Empty(admin["masked_columns"].Strings());
    }

    [Theory]
    [InlineData("SELECT upper(email) AS e FROM customers WHERE id = 1", "e")]
    [InlineData("SELECT * FROM customers WHERE id = 1", "email")]
    [InlineData("WITH c AS (SELECT email AS x FROM customers) SELECT x FROM c LIMIT 1", "x")]
    [InlineData("SELECT (SELECT max(email) FROM customers) AS m", "m")]
    [InlineData("SELECT c.email || ' / ' || o.order_number AS label FROM customers c JOIN orders o ON o.customer_id = c.id LIMIT 1", "label")]
    public async Task A_value_derived_from_a_masked_column_is_masked_like_it(string sql, string column)
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var response = await proxy.QueryAsync(DemoKeys.Analyst, sql);
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(column, json["masked_columns"].Strings());
        var index = json["data"]!["columns"].Strings().ToList().IndexOf(column);
        Assert.Matches("^[A-Za-z]{2}\\*+$", (string?)json["data"]!["rows"]![0]![index]);
        Assert.DoesNotContain("@", json["data"]!["rows"]!.ToJsonString());
    }

    [Fact]
    public async Task Rows_fetched_from_a_cursor_are_masked_by_everything_the_request_read()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var response = await proxy.QueryAsync(DemoKeys.Analyst,
            "BEGIN; DECLARE c CURSOR FOR SELECT id, email FROM customers WHERE id = 1; FETCH ALL FROM c; COMMIT");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["id", "email"], json["masked_columns"].Strings());
        Assert.DoesNotContain("@", json["data"]!["rows"]!.ToJsonString());
    }

    [Fact]
    public async Task A_label_mask_masks_whatever_classification_labels_and_classification_sees_the_real_values()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample);

        var json = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT id, phone AS contact FROM customers ORDER BY id LIMIT 5")).JsonAsync();

        Assert.Equal("PII.Phone", (string?)json["classifications"]!["contact"]);
        Assert.Equal(["contact"], json["masked_columns"].Strings());
        Assert.Equal("label PII.Phone", (string?)json["masks"]![0]!["matched_by"]);
        Assert.All(json["data"]!["rows"]!.AsArray(), row => Assert.Equal("[REDACTED]", (string?)row![1]));
    }

    [Fact]
    public async Task A_masker_that_cannot_run_fails_closed_and_the_audit_record_names_the_masked_columns()
    {
        using var rules = new TemporaryRules(RulesText);
        // Without [plugins.maskers] hash_key the `hash` masker cannot hash: the names must be redacted, not shown.
        await using var proxy = await rules.StartProxyAsync(sample, WithoutHashKey);

        var json = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT name, email FROM customers WHERE id = 1")).JsonAsync();

        Assert.Equal("[REDACTED]", (string?)json["data"]!["rows"]![0]![0]);
        var nameMask = json["masks"]!.AsArray().Single(m => (string?)m!["column"] == "name")!;
        Assert.True((bool)nameMask["failed_closed"]!);
        Assert.Equal("hash", (string?)nameMask["masker"]);
        var record = (await proxy.AuditRecordsAsync((string?)json["audit_id"])).Single(r => (string?)r["audit_id"] == (string?)json["audit_id"]);
        Assert.Equal(["name", "email"], record["masked_columns"].Strings());
        Assert.DoesNotContain("maria.garcia", await File.ReadAllTextAsync(proxy.AuditFile));
    }

    [Fact]
    public async Task The_hash_masker_uses_the_configured_key()
    {
        using var rules = new TemporaryRules(RulesText);
        await using var proxy = await rules.StartProxyAsync(sample, WithHashKey("a-test-only-mask-key-of-32-bytes"));

        var json = await (await proxy.QueryAsync(DemoKeys.Analyst, "SELECT name FROM customers WHERE id IN (1, 2) ORDER BY id")).JsonAsync();

        var hashes = json["data"]!["rows"]!.AsArray().Select(r => (string?)r![0]).ToArray();
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{16}$", h));
        Assert.NotEqual(hashes[0], hashes[1]);
        Assert.False((bool)json["masks"]![0]!["failed_closed"]!);
    }

    // ---- the stage and the masker, on hand-made decisions ----

    [Fact]
    public void The_first_directive_in_rule_order_that_covers_a_column_wins()
    {
        IReadOnlyList<MaskDirective> masks = [LabelMask("PII.Email", "email_domain", 3), ColumnMask("email", "partial", 5)];

        var byLabel = MaskSelector.Select(masks, [Column("email")], ["PII.Email"]);
        var byColumn = MaskSelector.Select(masks, [Column("email")], []);
        var none = MaskSelector.Select(masks, [Column("name")], ["PII.Name"]);

        Assert.Equal(("email_domain", "label PII.Email"), (byLabel!.Value.Directive.Masker, byLabel.Value.MatchedBy));
        Assert.Equal(("partial", "column testdb.public.customers.email"), (byColumn!.Value.Directive.Masker, byColumn.Value.MatchedBy));
        Assert.Null(none);
    }

    [Fact]
    public void An_unexpanded_star_is_covered_by_a_mask_on_any_column_of_its_table()
    {
        Assert.True(MaskSelector.Covers(ColumnMask("email", "redact", 1).Columns!, Column("*")));
        Assert.False(MaskSelector.Covers(ColumnMask("email", "redact", 1).Columns!, Column("*", new RelationName("testdb", "public", "orders"))));
    }

    [Fact]
    public async Task An_unknown_or_misconfigured_masker_redacts_its_column_and_null_stays_null()
    {
        await using var catalog = await PluginDirectory.BuiltInAsync();
        using var lease = catalog.Acquire();
        var masker = new ResultMasker(NullLogger<ResultMasker>.Instance, 2000);
        var result = Result(["a", "b", "c", "d"], ["x1", "y1", "z1", "w1"], [null, "y2", "z2", "w2"]);
        ResultColumn[] columns = [.. new[] { "a", "b", "c", "d" }.Select(n => new ResultColumn(n, "text", [Column(n)]))];
        IReadOnlyList<MaskDirective> masks =
        [
            ColumnMask("a", "no_such_masker", 1),
            ColumnMask("b", "hash", 2, new Dictionary<string, string> { ["length"] = "7" }),
            ColumnMask("c", "partial", 3, new Dictionary<string, string> { ["keep_first"] = "lots" }),
            ColumnMask("d", "null", 4),
        ];

        var (masked, columnsMasked) = await masker.ApplyAsync(result, columns, new Dictionary<string, IReadOnlyList<string>>(), masks, labelsComplete: true, "req-1", lease.Snapshot);

        Assert.Equal<object?[]>([["[REDACTED]", "[REDACTED]", "[REDACTED]", null], [null, "[REDACTED]", "[REDACTED]", null]], masked.Rows);
        Assert.Equal([true, true, true, false], columnsMasked.Select(c => c.FailedClosed));
        Assert.Equal("x1", result.Rows[0][0]);
    }

    [Fact]
    public void Rows_that_cannot_be_traced_to_a_projection_derive_from_everything_the_request_read()
    {
        var declare = Statement("DECLARE c CURSOR FOR SELECT email FROM customers", StatementKind.OtherUtility) with { ColumnsRead = [Column("email")] };
        var select = Statement("SELECT name FROM customers", projection: Projected("name", "name"));
        var fetch = Statement("FETCH ALL FROM c", StatementKind.OtherUtility);
        var result = Result(["email"], ["x@example.com"]);

        var traced = ResultProvenance.ForMasking([declare, select], result).Single();
        var untraced = ResultProvenance.ForMasking([declare, select, fetch], result).Single();
        var classified = ResultProvenance.Columns([declare, select, fetch], result).Single();

        Assert.Equal([Column("name")], traced.Sources);
        Assert.Equal([Column("name"), Column("email")], untraced.Sources);
        Assert.Equal([Column("name")], classified.Sources);
    }

    [Fact]
    public async Task When_a_classifier_failed_label_masks_redact_every_column_no_column_mask_covers()
    {
        await using var catalog = await PluginDirectory.BuiltInAsync();
        using var lease = catalog.Acquire();
        var masker = new ResultMasker(NullLogger<ResultMasker>.Instance, 2000);
        var result = Result(["email", "note"], ["x@example.com", "call 555-0100"]);
        ResultColumn[] columns = [new("email", "text", [Column("email")]), new("note", "text", [])];
        IReadOnlyList<MaskDirective> masks = [ColumnMask("email", "email_domain", 1), LabelMask("PII.Phone", "partial", 2)];
        var noLabels = new Dictionary<string, IReadOnlyList<string>>();

        var (complete, _) = await masker.ApplyAsync(result, columns, noLabels, masks, labelsComplete: true, "req-1", lease.Snapshot);
        var (incomplete, masked) = await masker.ApplyAsync(result, columns, noLabels, masks, labelsComplete: false, "req-1", lease.Snapshot);

        Assert.Equal<object?[]>([["***@example.com", "call 555-0100"]], complete.Rows);
        Assert.Equal<object?[]>([["***@example.com", "[REDACTED]"]], incomplete.Rows);
        Assert.Equal([false, true], masked.Select(m => m.FailedClosed));
    }

    [Fact]
    public void The_masks_of_the_statement_whose_rows_are_returned_come_first()
    {
        var context = Context() with
        {
            Statements = [Statement("SELECT email FROM customers", projection: Projected("email", "email")), Statement("UPDATE customers SET name = 'x'", StatementKind.Update)],
            StatementDecisions = [Allow() with { Masks = [ColumnMask("email", "partial", 7)] }, Allow() with { Masks = [ColumnMask("email", "redact", 2)] }],
        };

        Assert.Equal(["partial", "redact"], MaskStage.MasksInForce(context).Select(m => m.Masker));
    }

    [Fact]
    public void The_old_masking_section_is_refused_with_where_the_key_lives_now()
    {
        var directory = Directory.CreateTempSubdirectory("sqlproxy-config-").FullName;
        try
        {
            var path = Path.Combine(directory, "sqlproxy.toml");
            File.WriteAllText(path, File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "sqlproxy.toml")) + "\n[masking]\nhash_key = \"0123456789abcdef\"\n");
            var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, _ => "x"));
            Assert.Contains("masking: has moved: set [plugins.maskers] hash_key (the built-in maskers plugin) instead", error.Errors);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string WithoutHashKey(string toml) => Regex.Replace(toml, @"(?m)^hash_key = .*$", "");

    private static Func<string, string> WithHashKey(string key) => toml => Regex.Replace(toml, @"(?m)^hash_key = .*$", $"hash_key = \"{key}\"");
}
