using System.Globalization;
using System.Text.Json.Nodes;

namespace SqlProxy.Host.Audit.Query;

/// <summary>The audit API's JSON: a stored entry as its record (the form AuditRecordJson gives) plus <c>seq</c>, and the stats.</summary>
internal static class AuditEntryJson
{
    /// <summary>The entry without its chain hashes; <c>seq</c> is the row's.</summary>
    public static JsonObject Record(long seq, string entry)
    {
        var record = JsonNode.Parse(entry)?.AsObject() ?? new JsonObject();
        record.Remove("prev_hash");
        record.Remove("hash");
        record["seq"] = seq;
        return record;
    }

    public static JsonObject Stats(AuditStats stats) => new()
    {
        ["from"] = Iso(stats.From.UtcDateTime),
        ["to"] = Iso(stats.To.UtcDateTime),
        ["total"] = stats.Total,
        ["by_decision"] = Groups(stats.ByDecision, "decision"),
        ["by_user"] = Groups(stats.ByUser, "user"),
        ["by_table"] = Groups(stats.ByTable, "table"),
        ["by_hour"] = Groups(stats.ByHour.Select(h => ((string?)Iso(DateTime.SpecifyKind(h.Hour, DateTimeKind.Utc)), h.Count)).ToArray(), "hour"),
    };

    private static JsonArray Groups(IReadOnlyList<(string? Key, long Count)> groups, string name) =>
        new(groups.Select(g => (JsonNode)new JsonObject { [name] = g.Key, ["count"] = g.Count }).ToArray());

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
