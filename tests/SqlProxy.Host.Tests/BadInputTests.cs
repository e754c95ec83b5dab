using System.Net;
using System.Text;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>Everything a client can get wrong is answered with a precise 4xx, never a 500.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class BadInputTests(SampleDatabase sample)
{
    private RunningProxy Proxy => sample.Proxy;

    [Theory]
    [InlineData(null)]
    [InlineData("sk-not-a-key")]
    [InlineData("")]
    public async Task A_missing_or_unknown_key_answers_401(string? key)
    {
        var response = await Proxy.QueryAsync(key, "SELECT 1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (string?)(await response.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task A_user_field_in_the_body_is_ignored_by_default()
    {
        var response = await Proxy.PostAsync(DemoKeys.Analyst, RunningProxy.RawJson("""{"database":"testdb","sql":"DROP TABLE orders","user":"admin"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_syntax_error_answers_400_with_postgres_message_and_position()
    {
        var response = await Proxy.QueryAsync(DemoKeys.Analyst, "SELECT id FORM customers");
        var json = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SQL_SYNTAX_ERROR", (string?)json["error_code"]);
        Assert.Contains("syntax error at or near \"customers\"", (string?)json["error_message"]);
        Assert.Equal(16, (int)json["error_position"]!);
    }

    [Theory]
    [InlineData("{\"database\": \"testdb\", \"sql\": ", "INVALID_REQUEST")]
    [InlineData("[1, 2]", "INVALID_REQUEST")]
    [InlineData("{\"database\": \"testdb\"}", "INVALID_REQUEST")]
    [InlineData("{\"sql\": \"SELECT 1\"}", "INVALID_REQUEST")]
    [InlineData("{\"database\": \"testdb\", \"sql\": 42}", "INVALID_REQUEST")]
    [InlineData("{\"database\": \"testdb\", \"sql\": \"\\ud800 SELECT 1\"}", "INVALID_SQL_TEXT")]
    [InlineData("{\"database\": \"testdb\", \"sql\": \"SELECT 1\\u0000\"}", "INVALID_SQL_TEXT")]
    [InlineData("{\"database\": \"testdb\", \"sql\": \"  -- nothing\"}", "EMPTY_SQL")]
    public async Task A_malformed_body_answers_400(string body, string code)
    {
        var response = await Proxy.PostAsync(DemoKeys.Analyst, RunningProxy.RawJson(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (string?)(await response.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task Invalid_utf8_answers_400()
    {
        var body = Encoding.UTF8.GetBytes("{\"database\": \"testdb\", \"sql\": \"SELECT 'X'\"}");
        body[Array.IndexOf(body, (byte)'X')] = 0xC3; // a lead byte with no continuation
        var response = await Proxy.PostAsync(DemoKeys.Analyst, RunningProxy.RawJson(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_database_answers_404()
    {
        var response = await Proxy.QueryAsync(DemoKeys.Admin, "SELECT 1", database: "nosuchdb");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UNKNOWN_DATABASE", (string?)(await response.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task Sql_longer_than_the_limit_answers_413()
    {
        var sql = "SELECT " + string.Join("+", Enumerable.Repeat("1", 60_000));
        var response = await Proxy.QueryAsync(DemoKeys.Admin, sql);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("SQL_TOO_LONG", (string?)(await response.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task Ten_thousand_nested_parentheses_are_a_clean_syntax_error()
    {
        var sql = "SELECT " + new string('(', 10_000) + "1" + new string(')', 10_000);
        var response = await Proxy.QueryAsync(DemoKeys.Admin, sql);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SQL_SYNTAX_ERROR", (string?)(await response.JsonAsync())["error_code"]);
        Assert.Equal(HttpStatusCode.OK, (await Proxy.Client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_parse_tree_deeper_than_the_limit_answers_400()
    {
        var sql = string.Concat(Enumerable.Repeat("SELECT (", 300)) + "1" + new string(')', 300);
        var response = await Proxy.QueryAsync(DemoKeys.Admin, sql);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SQL_TOO_DEEP", (string?)(await response.JsonAsync())["error_code"]);
    }

    [Fact]
    public async Task A_statement_error_from_postgres_answers_400_with_its_message()
    {
        var response = await Proxy.QueryAsync(DemoKeys.Admin, "SELECT no_such_column FROM customers");
        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("QUERY_ERROR", (string?)json["error_code"]);
        Assert.Contains("no_such_column", (string?)json["error_message"]);
    }
}
