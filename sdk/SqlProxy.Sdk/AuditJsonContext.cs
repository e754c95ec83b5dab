using System.Text.Json.Serialization;

namespace SqlProxy.Sdk;

/// <summary>
/// The audit line format: snake_case property names, enums in UPPER_SNAKE_CASE (like <c>ALLOW</c>
/// and <c>BLOCK</c>), ISO-8601 timestamps with their offset, null properties omitted.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UpperSnakeCaseEnumConverter<AuditOutcome>), typeof(UpperSnakeCaseEnumConverter<StatementKind>)])]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
