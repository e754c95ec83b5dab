using System.Text.Json;
using System.Text.Json.Serialization;

namespace SqlProxy.Host.Http;

/// <summary>The JSON conventions of the HTTP API: snake_case names, enums as UPPER_SNAKE strings.</summary>
internal static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };
}
