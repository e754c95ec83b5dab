using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PgQuery;
using SqlProxy.Analysis.Rewriting;

namespace SqlProxy.Analysis.Tests.Rewriting;

/// <summary>A value is put into the tree as a string constant, never into SQL text: whatever it holds stays one literal.</summary>
public sealed class HostileValueTests
{
    [Theory]
    [InlineData("x' OR '1'='1", "'x'' OR ''1''=''1'")]
    [InlineData("'); DROP TABLE customers; --", "'''); DROP TABLE customers; --'")]
    [InlineData("north\\' OR true --", "E'north\\\\'' OR true --'")]
    [InlineData("$1", "'$1'")]
    [InlineData("*/ OR true /*", "'*/ OR true /*'")]
    [InlineData("", "''")]
    [InlineData("nörd ✓ 𝄞", "'nörd ✓ 𝄞'")]
    public void A_hostile_value_is_one_quoted_literal(string value, string literal) =>
        Assert.Equal(
            $"SELECT * FROM (SELECT * FROM customers WHERE customers.region = {literal}) customers",
            Filters.Rewrite("SELECT * FROM customers", Filters.CustomersOfRegion(value)));

    [Fact]
    public void A_hostile_value_in_an_update_stays_one_literal() =>
        Assert.Equal(
            "UPDATE customers SET tier = 1 WHERE customers.region = '''); DROP TABLE customers; --'",
            Filters.Rewrite("UPDATE customers SET tier = 1", Filters.CustomersOfRegion("'); DROP TABLE customers; --")));

    public static TheoryData<string, string> Unrepresentable { get; } = new()
    {
        { "a\0b", "`$1` contains a NUL character" },
        // Built here: xunit's serialisation of test data would replace a lone surrogate with U+FFFD.
        { "a" + (char)0xD800 + "b", "`$1` contains an unpaired surrogate character" },
    };

    [Theory]
    [MemberData(nameof(Unrepresentable), DisableDiscoveryEnumeration = true)]
    public void A_value_that_cannot_be_a_string_constant_is_refused(string value, string problem)
    {
        var error = Assert.Throws<RowFilterException>(() => Filters.Rewrite("SELECT * FROM customers", Filters.CustomersOfRegion(value)));
        Assert.Equal($"the row filter on `testdb.public.customers` cannot be applied: the value for {problem}", error.Message);
    }

    [Property(MaxTest = 300)]
    public Property Any_value_reads_back_as_exactly_one_constant_equal_to_it() =>
        Prop.ForAll(ArbMap.Default.GeneratorFor<string>().Where(IsStringConstant).ToArbitrary(), value =>
        {
            var rewritten = Filters.Rewrite("SELECT * FROM customers WHERE id = 1", new TableFilter(Filters.Customers, "region = $1 OR name = $2", [value, value + "'"]));
            var constants = StringConstants(rewritten);
            return constants.SequenceEqual([value, value + "'"]);
        });

    private static bool IsStringConstant(string? value) =>
        value is not null && !value.Contains('\0') && !value.Where((c, i) => char.IsSurrogate(c) && !char.IsSurrogatePair(value, i > 0 && char.IsLowSurrogate(c) ? i - 1 : i)).Any();

    /// <summary>The string constants of the rewritten statement, read back by parsing it.</summary>
    private static List<string> StringConstants(string sql)
    {
        var tree = TreeReader.TryRead(sql, AnalysisLimits.Default, out var error) ?? throw new InvalidOperationException(error);
        var found = new List<string>();
        Collect(tree, found);
        return found;
    }

    private static void Collect(Google.Protobuf.IMessage message, List<string> found)
    {
        if (message is A_Const { ValCase: A_Const.ValOneofCase.Sval } constant)
        {
            found.Add(constant.Sval.Sval);
        }

        foreach (var child in ParseTreeChildren.Of(message))
        {
            Collect(child, found);
        }
    }
}
