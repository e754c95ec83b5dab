using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SqlProxy.Host.Metrics;

namespace SqlProxy.Host.Http;

/// <summary>
/// Completes the generated document: the title, the Bearer security scheme (an API key from <c>[[users]]</c>), each
/// operation's examples and security requirement (from its <see cref="OpenApiExamples"/> metadata), and
/// <c>GET /metrics</c>, which is served by prometheus-net rather than a documented handler.
/// </summary>
internal static class OpenApiTransformers
{
    public const string BearerScheme = "Bearer";

    public static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SqlProxy",
            Version = "v1",
            Description = "A SQL governance proxy for PostgreSQL: every statement is parsed, judged by the rules, executed, masked and audited.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key of a `[[users]]` entry in sqlproxy.toml: `Authorization: Bearer <key>`.",
        };
        document.Paths ??= new OpenApiPaths();
        document.Paths[ProxyMetrics.Path] = MetricsPath();
        return Task.CompletedTask;
    }

    public static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<OpenApiExamples>().FirstOrDefault();
        if (examples is null) return Task.CompletedTask;
        if (examples.RequiresKey)
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        if (examples.Request is { } request && operation.RequestBody?.Content is { } requestContent)
            foreach (var media in requestContent.Values) media.Example = JsonNode.Parse(request);
        foreach (var (status, body) in examples.Responses)
        {
            if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { Content: { } content }) continue;
            foreach (var media in content.Values) media.Example = JsonNode.Parse(body);
        }
        return Task.CompletedTask;
    }

    private static OpenApiPathItem MetricsPath() => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = "Metrics",
                Summary = "Prometheus metrics",
                Description = "This host's metrics in the Prometheus text format (OpenMetrics when asked). No authentication: expose it to the monitoring network only.",
                Tags = new HashSet<OpenApiTagReference> { new("Operations") },
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "The metrics.",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(ApiExamples.Metrics) },
                        },
                    },
                },
            },
        },
    };
}
