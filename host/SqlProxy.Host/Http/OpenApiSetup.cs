using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace SqlProxy.Host.Http;

/// <summary>
/// The API's OpenAPI document at <c>/openapi/v1.json</c> and its Scalar reference UI at <c>/api/docs</c> (the UI's
/// script comes from Scalar's CDN). Both are public, like the API's shape itself; no data or keys are in them.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentRoute = "/openapi/{documentName}.json";
    public const string DocumentPath = "/openapi/v1.json";
    public const string UiPath = "/api/docs";

    public static IServiceCollection AddProxyOpenApi(this IServiceCollection services)
    {
        // The schemas are generated with the HTTP JSON options: make them the API's (snake_case, enums as strings).
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper));
        });
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(OpenApiTransformers.DescribeDocumentAsync);
            options.AddOperationTransformer(OpenApiTransformers.DescribeOperationAsync);
        });
        return services;
    }

    public static void MapProxyOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentRoute);
        app.MapScalarApiReference(UiPath, options => options
            .WithTitle("SqlProxy API")
            .WithOpenApiRoutePattern(DocumentRoute));
    }
}
