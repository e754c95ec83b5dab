namespace SqlProxy.PrivatePostgres.Tests;

public sealed class SqlStatementStartsTests
{
    [Theory]
    [InlineData("SELECT 1", new[] { 0 })]
    [InlineData("  SELECT 1;\n\n  SELECT 2;\n", new[] { 2, 15 })]
    [InlineData("SELECT 1;;SELECT 2", new[] { 0, 9, 10 })]
    [InlineData("SELECT 'a;b', \"c;\", E'\\';', $x$ ; $x$ /* ; /* ; */ ; */ -- ;\n; SELECT 2", new[] { 0, 63 })]
    [InlineData("SELECT 1; -- trailing\n", new[] { 0, 10 })]
    [InlineData("SELECT $1; SELECT 2", new[] { 0, 11 })]
    public void Statements_start_where_Npgsql_starts_them(string sql, int[] expected) =>
        Assert.Equal(expected, SqlStatementStarts.Find(sql));
}
