using System.Text;
using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Tests.Support;
using SqlProxy.Analysis.Walking;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis.Tests;

/// <summary>
/// Node types a later libpg_query may add, fed to the walker directly: nothing unknown may ever
/// be read as touching nothing.
/// </summary>
public sealed class UnknownNodeTests
{
    [Fact]
    public void An_unknown_statement_is_a_database_level_OtherUtility_on_every_relation_it_names()
    {
        var (analysis, _) = Walk("""{"FutureStmt": {"target": {"relname": "orders", "inh": true}, "options": [{"RangeVar": {"schemaname": "sales", "relname": "x"}}]}}""");

        Assert.Equal(StatementKind.OtherUtility, analysis.Kind);
        Assert.Equal(["OtherUtility database", "OtherUtility public.orders", "OtherUtility sales.x"], analysis.Accesses.Select(AnalysisText.Access));
        Assert.Equal(["statement `FutureStmt` is not understood; read as a database-level OtherUtility on every relation it names"], analysis.Notes);
    }

    [Fact]
    public void Columns_inside_an_unknown_expression_are_still_read()
    {
        var (analysis, _) = Walk("""
            {"SelectStmt": {"op": "SETOP_NONE",
              "targetList": [{"ResTarget": {"val": {"FutureExpr": {"args": [{"ColumnRef": {"fields": [{"String": {"sval": "email"}}]}}]}}}}],
              "fromClause": [{"RangeVar": {"relname": "customers", "inh": true}}]}}
            """);

        Assert.Equal(["Select public.customers (email)"], analysis.Accesses.Select(AnalysisText.Access));
        Assert.Equal("?column? <- public.customers.email", $"{analysis.Projection[0].Name} <- {AnalysisText.Column(analysis.Projection[0].Sources[0])}");
    }

    [Fact]
    public void An_unknown_FROM_item_reads_the_relations_in_it_whole()
    {
        var (analysis, _) = Walk("""
            {"SelectStmt": {"op": "SETOP_NONE",
              "targetList": [{"ResTarget": {"val": {"A_Const": {"ival": {"ival": 1}}}}}],
              "fromClause": [{"FutureFrom": {"source": {"relname": "sensitive_data", "inh": true}}}]}}
            """);

        Assert.Equal(["Select public.sensitive_data (*)"], analysis.Accesses.Select(AnalysisText.Access));
        Assert.Equal(2, analysis.Notes.Count);
    }

    private static (StatementAnalysis Analysis, WalkContext Context) Walk(string statementJson)
    {
        var document = ParsedJson.Parse(Encoding.UTF8.GetBytes(statementJson), 64);
        var context = new WalkContext(SampleDatabase.Name, SampleDatabase.Schema);
        var shape = context.Statements.Walk(document.Root);
        return (StatementAnalysisBuilder.Build(shape, context, "(hand-written tree)", ""), context);
    }
}
