using SqlProxy.Rules.Validation;

namespace SqlProxy.Rules.Tests.Validation;

/// <summary>A row filter's predicate goes to the host's checker as it will be merged: placeholders as <c>$n</c>.</summary>
public class FilterValidationTests
{
    [Fact]
    public void A_predicate_the_checker_accepts_is_valid() =>
        Assert.Equal("(valid)", Validate.Problems("filter testdb.public.customers where 'region = {user.attributes.region}';"));

    [Fact]
    public void A_refused_predicate_is_an_error_at_the_predicate() =>
        Assert.Equal(
            "1:38: `region = $1 and bad` is not a boolean expression (1 values) " +
            "(help: a row filter's predicate is one boolean SQL expression over the table's columns, e.g. `region = {user.attributes.region}`)",
            Validate.Problems("filter testdb.public.customers where 'region = {user.attributes.region} and bad';"));

    [Fact]
    public void The_checker_sees_each_placeholder_once()
    {
        (string Sql, int Count)? seen = null;
        var environment = Validate.Environment with { CheckPredicate = (sql, count) => { seen = (sql, count); return null; } };
        Validate.Problems("filter testdb.public.customers where 'region = {user.attributes.region} or name = {user.name} or region = {user.attributes.region}';", environment);
        Assert.Equal(("region = $1 or name = $2 or region = $1", 2), seen);
    }

    [Fact]
    public void A_checker_that_throws_is_reported_against_the_rule() =>
        Assert.StartsWith(
            "1:38: the predicate could not be checked: libpg_query is missing",
            Validate.Problems("filter testdb.public.customers where 'region = 1';",
                Validate.Environment with { CheckPredicate = (_, _) => throw new DllNotFoundException("libpg_query is missing") }));

    [Fact]
    public void Without_a_checker_predicates_are_not_checked() =>
        Assert.Equal("(valid)", Validate.Problems("filter testdb.public.customers where 'bad';", RulesEnvironment.Unknown));
}
