using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SqlProxy.Host.Pipeline;

namespace SqlProxy.Host.Http;

/// <summary>Reads a query request's JSON body, turning every way it can be wrong into a precise 4xx.</summary>
internal static class QueryBodyReader
{
    public static async Task<(QueryBody? Body, QueryFailure? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, new QueryFailure(415, "UNSUPPORTED_MEDIA_TYPE", $"the body must be JSON (`Content-Type: application/json`), not `{type}`"));
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, Invalid("the body must be a JSON object like {\"database\": \"…\", \"sql\": \"…\"}"));
            return (new QueryBody(
                StringField(document.RootElement, "database"),
                StringField(document.RootElement, "sql"),
                StringField(document.RootElement, "user")), null);
        }
        catch (JsonException e)
        {
            return (null, Invalid($"the body is not valid JSON: {e.Message}"));
        }
        catch (FieldTypeException e)
        {
            return (null, Invalid(e.Message));
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode a string holding an unpaired surrogate escape.
            return (null, new QueryFailure(400, "INVALID_SQL_TEXT", "a string field is not valid Unicode text (unpaired surrogate)"));
        }
        catch (BadHttpRequestException e)
        {
            return (null, new QueryFailure(e.StatusCode, e.StatusCode == 413 ? "BODY_TOO_LARGE" : "INVALID_REQUEST", e.Message));
        }
    }

    private static QueryFailure Invalid(string message) => new(400, "INVALID_REQUEST", message);

    private static string? StringField(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new FieldTypeException($"the field `{name}` must be a string");
        return value.GetString();
    }

    private sealed class FieldTypeException(string message) : Exception(message);
}
