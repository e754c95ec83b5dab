using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SqlProxy.Sdk;

/// <summary>
/// The one JSON form of an <see cref="AuditRecord"/>, shared by every sink and by <c>sqlproxy audit verify</c>:
/// snake_case names, enums in UPPER_SNAKE_CASE (<c>EXECUTED</c>, <c>SELECT</c>), ISO-8601 timestamps with their
/// offset, null properties omitted, one line (no indentation), only what JSON requires escaped.
/// </summary>
public static class AuditRecordJson
{
    // Audit trails are read by people and log shippers, never embedded in HTML: escape only what JSON requires.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record as one line of JSON, without a line break.</summary>
    /// <param name="record">The record.</param>
    public static string Serialize(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            JsonSerializer.Serialize(writer, record, AuditJsonContext.Default.AuditRecord);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a record written by <see cref="Serialize"/>; other properties (such as a chain's) are ignored.</summary>
    /// <param name="json">One JSON object.</param>
    /// <exception cref="JsonException">The text is not such a record.</exception>
    public static AuditRecord Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, AuditJsonContext.Default.AuditRecord)
            ?? throw new JsonException("the JSON is null, not an audit record");
    }
}
