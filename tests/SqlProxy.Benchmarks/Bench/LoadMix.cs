using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// The requests of the load test, from the sample rules and users (README "A first query"): as the analyst, an allowed
/// read of orders, a read of customers whose e-mail and phone columns come back masked, and a read of
/// sensitive_data that the rules block (403). Directly against PostgreSQL the same SQL runs without any policy, so a
/// blocked request has no direct equivalent and the direct mix has only the first two.
/// </summary>
internal static class LoadMix
{
    public const string AnalystKey = "sk-analyst-demo-key";
    public const string AllowedSql = "SELECT order_number, amount, status FROM orders WHERE id <= 20";
    // The region the analyst's row filter adds is written out, so direct and proxied reads return the same rows.
    public const string PiiSql = Micro.HostParts.PiiSql;
    public const string BlockedSql = "SELECT ssn FROM sensitive_data";

    public static IReadOnlyList<LoadScenario> Proxy(HttpClient client, bool withBlocked)
    {
        var mix = new List<LoadScenario>
        {
            new("allowed", token => SendAsync(client, AllowedSql, HttpStatusCode.OK, body => body.Contains("\"row_count\":20") ? null : "not 20 rows", token)),
            new("pii (masked)", token => SendAsync(client, PiiSql, HttpStatusCode.OK,
                body => body.Contains("\"masker\":\"email_domain\"") && body.Contains("\"masker\":\"partial\"") ? null : "e-mail or phone not masked", token)),
        };
        if (withBlocked)
            mix.Add(new("blocked (403)", token => SendAsync(client, BlockedSql, HttpStatusCode.Forbidden,
                body => body.Contains("POLICY_BLOCKED") ? null : "no POLICY_BLOCKED", token)));
        return mix;
    }

    public static IReadOnlyList<LoadScenario> Direct(NpgsqlDataSource database) =>
    [
        new("allowed", token => ReadAsync(database, AllowedSql, 20, token)),
        new("pii (masked)", token => ReadAsync(database, PiiSql, null, token)),
    ];

    private static async Task<string?> SendAsync(HttpClient client, string sql, HttpStatusCode expected, Func<string, string?> check, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/query")
        {
            Content = new StringContent($$"""{"database":"testdb","sql":"{{sql}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AnalystKey);
        using var response = await client.SendAsync(request, token);
        var body = await response.Content.ReadAsStringAsync(token);
        return response.StatusCode != expected ? $"status {(int)response.StatusCode}, expected {(int)expected}" : check(body);
    }

    private static async Task<string?> ReadAsync(NpgsqlDataSource database, string sql, int? expectedRows, CancellationToken token)
    {
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(token);
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(token))
        {
            reader.GetValues(values);
            rows++;
        }
        return expectedRows is { } expected && rows != expected ? $"{rows} rows, expected {expected}" : rows == 0 ? "no rows" : null;
    }
}
