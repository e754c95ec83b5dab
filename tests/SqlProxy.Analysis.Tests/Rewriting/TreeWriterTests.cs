using Google.Protobuf;
using PgQuery;
using SqlProxy.Analysis.Rewriting;

namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>The tree handed to the deparser is checked first (it crashes the process on some shapes) and written in linear time.</summary>
public sealed class TreeWriterTests
{
    [Fact]
    public void A_relation_without_a_name_is_refused_before_the_deparser_sees_it()
    {
        var tree = Read("SELECT * FROM customers");
        tree.Stmts[0].Stmt.SelectStmt.FromClause[0].RangeVar.Relname = "";
        Assert.Equal(
            "the statement rewritten with row filters is malformed (a relation without a name), so it was not run",
            Assert.Throws<RowFilterException>(() => TreeWriter.Write(tree)).Message);
    }

    [Fact]
    public void A_column_reference_without_fields_is_refused_before_the_deparser_sees_it()
    {
        var tree = Read("SELECT name FROM customers");
        tree.Stmts[0].Stmt.SelectStmt.TargetList[0].ResTarget.Val.ColumnRef.Fields.Clear();
        Assert.Equal(
            "the statement rewritten with row filters is malformed (a column reference without a name), so it was not run",
            Assert.Throws<RowFilterException>(() => TreeWriter.Write(tree)).Message);
    }

    [Fact]
    public void A_subquery_without_an_alias_is_refused()
    {
        var tree = Read("SELECT * FROM (SELECT 1) AS s");
        tree.Stmts[0].Stmt.SelectStmt.FromClause[0].RangeSubselect.Alias = null;
        Assert.Contains("a subquery in FROM without an alias", Assert.Throws<RowFilterException>(() => TreeWriter.Write(tree)).Message);
    }

    [Theory]
    [InlineData("SELECT * FROM customers WHERE id = 7")]
    [InlineData("WITH r AS (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY 1) SELECT c.name, r.total FROM customers c JOIN r ON r.customer_id = c.id WHERE c.id IN (SELECT 1) ORDER BY 2 DESC LIMIT 10")]
    [InlineData("INSERT INTO t (a, b) VALUES (1, 'x'), (-2, E'\\n') ON CONFLICT (a) DO UPDATE SET b = excluded.b RETURNING *")]
    [InlineData("SELECT 1.5e10::float8, true, NULL, B'101', x'ff', interval '1 day', (ARRAY[1, 2])[1]")]
    [InlineData("CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n numeric(10, 2) DEFAULT 0)")]
    public void The_serializer_writes_the_same_bytes_as_google_protobuf(string sql)
    {
        var tree = Read(sql);
        Assert.Equal(tree.ToByteArray(), TreeSerializer.Serialize(tree, out _));
    }

    [Fact]
    public void An_unchanged_tree_deparses_to_equivalent_sql() =>
        Assert.Equal("SELECT a, 'x''y' FROM c cc LEFT JOIN o ON o.id = cc.id", TreeWriter.Write(Read("SELECT a, 'x''y' FROM c AS cc LEFT JOIN o ON o.id = cc.id")));

    private static ParseResult Read(string sql) =>
        TreeReader.TryRead(sql, AnalysisLimits.Default, out var error) ?? throw new InvalidOperationException(error);
}
