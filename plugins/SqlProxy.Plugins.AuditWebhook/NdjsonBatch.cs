using System.Text;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditWebhook;

/// <summary>
/// One POST's worth of records as NDJSON: one <see cref="AuditRecordJson"/> line per record, each ending in <c>\n</c>.
/// </summary>
/// <param name="FirstAuditId">The first record's id, sent as <c>X-SqlProxy-Batch</c> so the receiver can spot a resent batch.</param>
/// <param name="Count">How many records it holds.</param>
/// <param name="Body">The UTF-8 body.</param>
public sealed record NdjsonBatch(string FirstAuditId, int Count, ReadOnlyMemory<byte> Body)
{
    /// <summary>The media type of the body.</summary>
    public const string MediaType = "application/x-ndjson";

    /// <summary>Cuts <paramref name="records"/> into batches of at most <paramref name="batchSize"/>, in order.</summary>
    /// <param name="records">The records, oldest first.</param>
    /// <param name="batchSize">Most records per batch.</param>
    public static IEnumerable<NdjsonBatch> Split(IReadOnlyList<AuditRecord> records, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        for (var start = 0; start < records.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, records.Count - start);
            var text = new StringBuilder();
            for (var index = start; index < start + count; index++)
            {
                var record = records[index] ?? throw new ArgumentException($"record {index} is null", nameof(records));
                text.Append(AuditRecordJson.Serialize(record)).Append('\n');
            }

            yield return new NdjsonBatch(records[start].AuditId, count, Encoding.UTF8.GetBytes(text.ToString()));
        }
    }
}
