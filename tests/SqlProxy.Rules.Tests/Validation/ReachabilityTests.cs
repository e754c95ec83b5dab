namespace SqlProxy.Rules.Tests.Validation;

/// <summary>
/// With the schema in hand, a rule on <c>*</c>, a database or a schema whose every table has unconditional rules of
/// its own for the same actions never decides: a warning, never an error, and never when it could decide.
/// </summary>
public class ReachabilityTests
{
    const string Help = " (help: the most specific scope decides; give those rules conditions, or remove this one)";

    [Fact]
    public void A_schema_rule_shadowed_by_every_table_is_reported() =>
        Assert.Equal(
            "1:17: warning: the allow on `testdb.public` never decides: every table in it has an unconditional rule of its own for `select`" + Help,
            Validate.Problems("""
                allow select on testdb.public when user has role 'analyst';
                block select on testdb.public.customers;
                allow select, insert on testdb.public.orders;
                """));

    [Fact]
    public void One_table_without_its_own_rule_keeps_the_schema_rule_reachable() =>
        Assert.Equal("(valid)", Validate.Problems("""
            allow select on testdb.public when user has role 'analyst';
            block select on testdb.public.customers;
            """));

    [Fact]
    public void Conditional_table_rules_do_not_shadow() =>
        Assert.Equal("(valid)", Validate.Problems("""
            allow select on testdb.public;
            block select on testdb.public.customers when user has role 'intern';
            block select on testdb.public.orders when user has role 'intern';
            """));

    [Fact]
    public void Table_rules_must_cover_every_action_of_the_rule() =>
        Assert.Equal("(valid)", Validate.Problems("""
            allow select, update on testdb.public;
            block select on testdb.public.customers, testdb.public.orders;
            """));

    [Fact]
    public void A_database_rule_on_writes_shadowed_by_every_table_and_schema_is_reported() =>
        Assert.Equal(
            "1:25: warning: the block on `testdb` never decides: every table in it has an unconditional rule of its own for `insert, delete`" + Help,
            Validate.Problems("""
                block insert, delete on testdb when user has role 'readonly';
                allow write on testdb.public, testdb.sales, testdb.pg_catalog;
                """));

    [Fact]
    public void A_database_rule_on_reads_is_never_reported_because_statements_without_a_table_reach_it() =>
        Assert.Equal("(valid)", Validate.Problems("""
            allow select on testdb when user has role 'admin';
            block select on testdb.public, testdb.sales, testdb.pg_catalog;
            """));

    [Fact]
    public void Everything_is_reported_only_when_every_database_schema_is_known()
    {
        const string rules = """
            block delete on * when user has role 'readonly';
            allow delete on testdb;
            """;
        Assert.Equal("(valid)", Validate.Problems(rules));
        var known = Validate.Environment with { Databases = new Dictionary<string, IReadOnlyList<SqlProxy.Rules.Validation.KnownTable>?> { ["testdb"] = Validate.Environment.Databases!["testdb"] } };
        Assert.Equal(
            "1:17: warning: the block on `*` never decides: every table of every configured database has an unconditional rule of its own for `delete`" + Help,
            Validate.Problems(rules, known));
    }

    [Fact]
    public void The_demo_policy_has_no_unreachable_rule()
    {
        var root = Support.Samples.RepositoryRoot;
        var sources = RuleSources.Read([System.IO.Path.Combine(root, "samples", "rules")], root);
        var demo = Validate.Environment with
        {
            Databases = new Dictionary<string, IReadOnlyList<SqlProxy.Rules.Validation.KnownTable>?>
            {
                ["testdb"] =
                [
                    new("public", "customers", ["id", "name", "email", "phone", "address", "region", "created_at"]),
                    new("public", "orders", ["id", "customer_id", "order_number", "amount", "status", "created_at"]),
                    new("public", "order_items", ["id", "order_id", "product_name", "quantity", "unit_price"]),
                    new("public", "sensitive_data", ["id", "customer_id", "ssn", "credit_card", "salary", "notes"]),
                ],
            },
        };
        Assert.Empty(SqlProxy.Rules.Validation.RulesValidator.Validate(sources, demo));
    }
}
