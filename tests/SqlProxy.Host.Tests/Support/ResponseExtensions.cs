using System.Text.Json.Nodes;

namespace SqlProxy.Host.Tests.Support;

internal static class ResponseExtensions
{
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static IReadOnlyList<string> Strings(this JsonNode? node) =>
        node is JsonArray array ? array.Select(n => (string)n!).ToArray() : [];
}
