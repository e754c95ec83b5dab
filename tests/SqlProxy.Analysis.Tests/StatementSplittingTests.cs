using SqlProxy.Analysis.Tests.Support;

namespace SqlProxy.Analysis.Tests;

/// <summary>Multi-statement input: each statement's own text (cut by UTF-8 byte offsets) and fingerprint.</summary>
public sealed class StatementSplittingTests
{
    [Fact]
    public void Statements_are_cut_by_byte_offsets_even_after_non_ASCII_text()
    {
        const string sql = "SELECT '日本語 ü 😀' AS \"naïve\" FROM customers;\n  /* déjà */ UPDATE customers SET name = 'Zoë' WHERE id = 1 ;DELETE FROM orders -- fin";

        var statements = SampleDatabase.Analyze(sql).Statements;

        Assert.Equal(
            [
                "SELECT '日本語 ü 😀' AS \"naïve\" FROM customers",
                "/* déjà */ UPDATE customers SET name = 'Zoë' WHERE id = 1",
                "DELETE FROM orders -- fin",
            ],
            statements.Select(s => s.Sql));
        Assert.Equal("naïve", statements[0].Projection[0].Name);
    }

    [Fact]
    public void Statements_differing_only_in_constants_share_a_fingerprint()
    {
        var statements = SampleDatabase.Analyze(
            "SELECT name FROM customers WHERE id = 1; select NAME from customers where ID = 42 /* other */; SELECT name FROM customers WHERE id = 1 AND region = 'EU'").Statements;

        Assert.Equal(statements[0].Fingerprint, statements[1].Fingerprint);
        Assert.NotEqual(statements[0].Fingerprint, statements[2].Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", statements[0].Fingerprint);
    }

    [Fact]
    public void Each_statement_is_judged_on_its_own()
    {
        var statements = SampleDatabase.Analyze("SELECT 1; DROP TABLE customers; SELECT ssn FROM sensitive_data").Statements;

        Assert.Equal(
            ["Select database", "Drop public.customers", "Select public.sensitive_data (ssn)"],
            statements.Select(s => AnalysisText.Access(Assert.Single(s.Accesses))));
    }
}
