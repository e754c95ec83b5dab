using System.Net;
using System.Text.Json.Nodes;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json describes every endpoint, with examples, and Scalar serves a UI for it.</summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class OpenApiDocumentTests(SampleDatabase sample)
{
    private static readonly (string Path, string Method)[] Endpoints =
    [
        ("/api/v1/query", "post"),
        ("/api/v1/query/dry-run", "post"),
        ("/api/v1/rules/reload", "post"),
        ("/policies/reload", "post"),
        ("/api/v1/plugins", "get"),
        ("/api/v1/plugins/reload", "post"),
        ("/api/v1/config/reload", "post"),
        ("/api/v1/audit", "get"),
        ("/api/v1/audit/stats", "get"),
        ("/health", "get"),
        ("/metrics", "get"),
    ];

    [Fact]
    public async Task Every_endpoint_has_a_name_summary_description_responses_and_an_example()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();

        foreach (var (path, method) in Endpoints)
        {
            var operation = paths[path]?[method]?.AsObject();
            Assert.True(operation is not null, $"{method} {path} is not in the document: {string.Join(", ", paths.Select(p => p.Key))}");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["operationId"]), $"{path} has no name");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{path} has no description");
            Assert.True(operation["responses"]!["200"] is not null, $"{path} documents no 200");
            Assert.True(Examples(operation).Any(), $"{path} has no example");
        }
        var level = document["paths"]!["/health"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "level")!;
        Assert.Equal("query", (string?)level["in"]);
    }

    [Fact]
    public async Task The_query_request_body_is_documented_with_its_fields_and_an_example()
    {
        var document = await DocumentAsync();
        var body = document["paths"]!["/api/v1/query"]!["post"]!["requestBody"]!["content"]!["application/json"]!;
        var schema = Resolve(document, body["schema"]!);

        Assert.NotNull(schema["properties"]!["database"]);
        Assert.NotNull(schema["properties"]!["sql"]);
        Assert.Equal("testdb", (string?)body["example"]!["database"]);
        var response = Resolve(document, document["paths"]!["/api/v1/query"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.NotNull(response["properties"]!["audit_id"]);
        Assert.NotNull(response["properties"]!["decision"]);
    }

    [Fact]
    public async Task The_bearer_scheme_is_declared_and_required_by_the_api_but_not_by_health()
    {
        var document = await DocumentAsync();
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;

        Assert.Equal("http", (string?)scheme["type"]);
        Assert.Equal("bearer", (string?)scheme["scheme"]);
        Assert.NotNull(document["paths"]!["/api/v1/query"]!["post"]!["security"]![0]!["Bearer"]);
        Assert.NotNull(document["paths"]!["/api/v1/plugins"]!["get"]!["security"]![0]!["Bearer"]);
        Assert.Null(document["paths"]!["/health"]!["get"]!["security"]);
    }

    [Fact]
    public async Task The_docs_ui_is_html_that_loads_the_document()
    {
        var response = await sample.Proxy.Client.GetAsync("/api/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.True(html.Contains("openapi/v1.json", StringComparison.Ordinal), html);
        // The UI's script is served by the proxy itself.
        var script = await sample.Proxy.Client.GetAsync("/api/docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 10_000);
    }

    private async Task<JsonObject> DocumentAsync()
    {
        var response = await sample.Proxy.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static IEnumerable<JsonNode> Examples(JsonObject operation)
    {
        var contents = new List<JsonNode?> { operation["requestBody"]?["content"] };
        contents.AddRange(operation["responses"]!.AsObject().Select(r => r.Value?["content"]));
        return contents.OfType<JsonObject>()
            .SelectMany(content => content.Select(media => media.Value?["example"]))
            .OfType<JsonNode>();
    }

    private static JsonNode Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!
            : schema;
}
