namespace SqlProxy.Rules.Tests.Validation;

/// <summary>Names in scopes are checked against the configured databases and their live schemas, with did-you-mean help.</summary>
public class ScopeNameTests
{
    [Theory]
    [InlineData("allow select on testdb.public.customers.email;", "(valid)")]
    [InlineData("allow select on *;", "(valid)")]
    [InlineData("allow select on testdb2;",
        "1:17: `testdb2` is not a configured database (help: did you mean `testdb`?)")]
    [InlineData("allow select on warehouse;",
        "1:17: `warehouse` is not a configured database (help: the configured databases are `otherdb` and `testdb`)")]
    [InlineData("allow select on testdb.pubic;",
        "1:17: database `testdb` has no schema `pubic` (help: did you mean `public`?)")]
    [InlineData("allow select on testdb.crm;",
        "1:17: database `testdb` has no schema `crm` (help: its schemas are `pg_catalog`, `public` and `sales`)")]
    [InlineData("allow select on testdb.public.custmers;",
        "1:17: schema `testdb.public` has no table `custmers` (help: did you mean `customers`?)")]
    [InlineData("allow select on testdb.public.leads;",
        "1:17: schema `testdb.public` has no table `leads` (help: `leads` is in schema `sales`: write `testdb.sales.leads`)")]
    [InlineData("allow select on testdb.public.customers.emial;",
        "1:17: table `testdb.public.customers` has no column `emial` (help: did you mean `email`?)")]
    [InlineData("allow select on testdb.public.orders.total;",
        "1:17: table `testdb.public.orders` has no column `total` (help: its columns are `amount`, `customer_id` and `id`)")]
    [InlineData("allow select on testdb.public.\"Customers\";",
        "1:17: schema `testdb.public` has no table `\"Customers\"` (help: did you mean `customers`?)")]
    public void Scopes_name_what_exists(string rules, string expected) =>
        Assert.Equal(expected, Validate.Problems(rules));

    [Fact]
    public void A_database_whose_schema_is_unknown_has_only_its_name_checked() =>
        Assert.Equal("(valid)", Validate.Problems("allow select on otherdb.anything.at.all;"));

    [Fact]
    public void Without_known_databases_no_name_is_checked() =>
        Assert.Equal("(valid)", Validate.Problems("allow select on nowhere.nothing;", Validate.Environment with { Databases = null }));

    [Fact]
    public void Every_problem_is_reported_in_file_order() =>
        Assert.Equal(
            "2:17: `tesdb` is not a configured database (help: did you mean `testdb`?) ¶ " +
            "3:17: table `testdb.public.orders` has no column `totl` (help: its columns are `amount`, `customer_id` and `id`) ¶ " +
            "3:44: database `testdb` has no schema `x` (help: its schemas are `pg_catalog`, `public` and `sales`)",
            Validate.Problems("""
                # comment
                allow select on tesdb;
                block select on testdb.public.orders.totl, testdb.x;
                """));

    [Fact]
    public void Mask_filter_and_limit_scopes_are_checked_too() =>
        Assert.Equal(
            "1:6: table `testdb.public.customers` has no column `mail` (help: did you mean `email`?) ¶ " +
            "2:8: schema `testdb.public` has no table `order` (help: did you mean `orders`?) ¶ " +
            "3:12: database `testdb` has no schema `sale` (help: did you mean `sales`?)",
            Validate.Problems("""
                mask testdb.public.customers.mail with partial;
                filter testdb.public.order where 'amount < 100';
                limit 5 on testdb.sale;
                """));
}
