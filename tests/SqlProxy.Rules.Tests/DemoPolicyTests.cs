using SqlProxy.Rules.Tests.Support;
using SqlProxy.Sdk;
using static SqlProxy.Rules.Tests.Support.Statements;

namespace SqlProxy.Rules.Tests;

/// <summary>The checked-in policy in <c>samples/rules</c>, judged for the demo users.</summary>
public class DemoPolicyTests
{
    const string File = "samples/rules/access.rules";

    static readonly RuleSet Policy = Samples.DemoPolicy();
    static readonly RequestInfo Admin = Requests.For("admin", "admin");
    static readonly RequestInfo Analyst = Requests.For("analyst", ["analyst", "readonly"], new() { ["region"] = "north" });
    static readonly RequestInfo Developer = Requests.For("developer", ["developer"], new() { ["change_ticket"] = "CHG-10001" });
    static readonly RequestInfo Auditor = Requests.For("auditor", "auditor", "readonly");

    static RuleReference Rule(string name)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(Samples.RepositoryRoot, File));
        var line = Array.FindIndex(lines, l => l.StartsWith($"rule '{name}'", StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"no rule named {name}");
        return new RuleReference(File, line, name);
    }

    [Fact]
    public void ThePolicyCompilesFromItsFolder()
    {
        Assert.Equal(14, Policy.Count);
        Assert.Matches("^[0-9a-f]{12}$", Policy.Version);
    }

    [Fact]
    public void AdminMayDropATable()
    {
        var decision = Policy.Decide(Admin, Write(StatementKind.Drop, "orders"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(Rule("administrators run testdb"), decision.Rule);
    }

    [Theory]
    [InlineData(StatementKind.Drop)]
    [InlineData(StatementKind.AlterTable)]
    [InlineData(StatementKind.Truncate)]
    [InlineData(StatementKind.CreateIndex)]
    public void DeveloperMayNotChangeTheSchemaOrTruncate(StatementKind kind)
    {
        var decision = Policy.Decide(Developer, Write(kind, "orders"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(Rule("only administrators change the schema"), decision.Rule);
        Assert.Equal("only administrators may change the schema or truncate tables", decision.Reason);
    }

    [Fact]
    public void NobodyButAdminMayRunDatabaseLevelDdl()
    {
        var createRole = Statement(StatementKind.CreateRole, OnDatabase(StatementKind.CreateRole));

        Assert.Equal(Verdict.Block, Policy.Decide(Developer, createRole).Verdict);
        Assert.Equal(Verdict.Allow, Policy.Decide(Admin, createRole).Verdict);
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("orders")]
    [InlineData("order_items")]
    public void AnalystMayReadTheSalesTables(string table)
    {
        var decision = Policy.Decide(Analyst, Select(table, "id"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(Rule("analysts read the sales tables"), decision.Rule);
    }

    [Fact]
    public void AnalystMayNotInsert()
    {
        var decision = Policy.Decide(Analyst, Write(StatementKind.Insert, "customers", "name"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(Rule("read-only users never write"), decision.Rule);
        Assert.Equal("read-only users may not change data", decision.Reason);
    }

    [Theory]
    [InlineData(StatementKind.Select, "customers", true)]
    [InlineData(StatementKind.Insert, "customers", true)]
    [InlineData(StatementKind.Update, "customers", true)]
    [InlineData(StatementKind.Delete, "customers", false)]
    [InlineData(StatementKind.Delete, "orders", true)]
    [InlineData(StatementKind.Insert, "order_items", true)]
    [InlineData(StatementKind.Select, "sensitive_data", false)]
    public void DeveloperMaintainsCustomersAndOrders(StatementKind kind, string table, bool allowed)
    {
        var decision = Policy.Decide(Developer, Write(kind, table));

        Assert.Equal(allowed ? Verdict.Allow : Verdict.Block, decision.Verdict);
    }

    [Fact]
    public void AuditorMayReadSensitiveDataButNotCardNumbers()
    {
        Assert.Equal(Verdict.Allow, Policy.Decide(Auditor, Select("sensitive_data", "id", "ssn")).Verdict);

        var decision = Policy.Decide(Auditor, Select("sensitive_data", "id", "ssn", "credit_card"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(Rule("card numbers stay hidden"), decision.Rule);
        Assert.Equal("card numbers are never shown, not even to auditors", decision.Reason);
        Assert.Equal(new[] { "public.sensitive_data.credit_card" }, decision.BlockedColumns);
    }

    [Fact]
    public void SelectStarOnSensitiveDataIsBlockedForAuditorsBecauseOfTheCardColumn()
    {
        var decision = Policy.Decide(Auditor, Select("sensitive_data", "*"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(Rule("card numbers stay hidden"), decision.Rule);
        Assert.Equal(new[] { "public.sensitive_data.credit_card" }, decision.BlockedColumns);
    }

    [Fact]
    public void AdminMayReadAllOfSensitiveData()
    {
        Assert.Equal(Verdict.Allow, Policy.Decide(Admin, Select("sensitive_data", "*")).Verdict);
        Assert.Equal(Verdict.Allow, Policy.Decide(Admin, Select("sensitive_data", "credit_card")).Verdict);
    }

    [Fact]
    public void AnalystMayNotReadSensitiveData()
    {
        var decision = Policy.Decide(Analyst, Select("sensitive_data", "id", "ssn"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(Rule("sensitive data is for auditors"), decision.Rule);
    }

    [Fact]
    public void AuditorMayNotWriteSensitiveData()
    {
        var decision = Policy.Decide(Auditor, Write(StatementKind.Update, "sensitive_data", "ssn"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Equal(Rule("read-only users never write"), decision.Rule);
    }

    [Fact]
    public void AnUnknownTableIsDeniedByDefault()
    {
        var decision = Policy.Decide(Analyst, Select("unknown_table", "id"));

        Assert.Equal(Verdict.Block, decision.Verdict);
        Assert.Null(decision.Rule);
        Assert.Equal("no rule allows `select` on `testdb.public.unknown_table` for user `analyst`", decision.Reason);
    }

    [Fact]
    public void AJoinIsAllowedOnlyIfEveryTableIs()
    {
        var join = Statement(StatementKind.Select,
            Access(StatementKind.Select, "customers", "id", "name"),
            Access(StatementKind.Select, "sensitive_data", "ssn"));

        Assert.Equal(Verdict.Block, Policy.Decide(Analyst, join).Verdict);
        Assert.Equal(Verdict.Allow, Policy.Decide(Admin, join).Verdict);
    }
}
