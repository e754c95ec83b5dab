using System.Text.Json;
using System.Text.Json.Serialization;

namespace SqlProxy.Sdk;

/// <summary>Writes enum values as upper snake case strings: <c>UpstreamError</c> → <c>UPSTREAM_ERROR</c>.</summary>
internal sealed class UpperSnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseUpper)
    where TEnum : struct, Enum;
