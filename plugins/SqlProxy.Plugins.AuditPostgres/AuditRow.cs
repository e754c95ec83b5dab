using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.AuditPostgres;

/// <summary>
/// One row of the trail table: the chain entry (the stored truth, which <c>sqlproxy audit verify</c> checks) and the
/// columns the audit query API filters on. Enum values are taken from the entry's JSON, so the columns read exactly
/// as the record does (<c>EXECUTED</c>, <c>SELECT</c>).
/// </summary>
internal sealed record AuditRow(AuditRecord Record, AuditChainEntry Entry, string Outcome, string[] StatementKinds)
{
    private const string Columns =
        "seq, audit_id, request_id, ts, outcome, user_name, client_address, database_name, decision, rule, " +
        "statement_kinds, relations, sql, error_code, duration_us, row_count, prev_hash, hash, entry";

    public static AuditRow From(AuditRecord record, AuditChainEntry entry)
    {
        using var json = JsonDocument.Parse(entry.Line);
        var root = json.RootElement;
        var outcome = root.GetProperty("outcome").GetString()!;
        var kinds = root.TryGetProperty("statement_kinds", out var array) ? array.EnumerateArray().Select(k => k.GetString()!).ToArray() : [];
        return new AuditRow(record, entry, outcome, kinds);
    }

    /// <summary>Writes the rows with one binary COPY.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, AuditTableName table, IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Qualified} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows) await row.WriteAsync(importer, cancellationToken).ConfigureAwait(false);
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(NpgsqlBinaryImporter importer, CancellationToken token)
    {
        await importer.StartRowAsync(token).ConfigureAwait(false);
        await importer.WriteAsync(Entry.Sequence, NpgsqlDbType.Bigint, token).ConfigureAwait(false);
        await importer.WriteAsync(Record.AuditId, NpgsqlDbType.Text, token).ConfigureAwait(false);
        await importer.WriteAsync(Record.RequestId, NpgsqlDbType.Text, token).ConfigureAwait(false);
        await importer.WriteAsync(Record.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, token).ConfigureAwait(false);
        await importer.WriteAsync(Outcome, NpgsqlDbType.Text, token).ConfigureAwait(false);
        await WriteTextAsync(importer, Record.User, token).ConfigureAwait(false);
        await WriteTextAsync(importer, Record.ClientAddress, token).ConfigureAwait(false);
        await WriteTextAsync(importer, Record.Database, token).ConfigureAwait(false);
        await WriteTextAsync(importer, Record.Decision, token).ConfigureAwait(false);
        await WriteTextAsync(importer, Record.Rule, token).ConfigureAwait(false);
        await importer.WriteAsync(StatementKinds, NpgsqlDbType.Array | NpgsqlDbType.Text, token).ConfigureAwait(false);
        await importer.WriteAsync(Record.Relations.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, token).ConfigureAwait(false);
        await WriteTextAsync(importer, Record.Sql, token).ConfigureAwait(false);
        await WriteTextAsync(importer, Record.ErrorCode, token).ConfigureAwait(false);
        await importer.WriteAsync(Record.DurationUs, NpgsqlDbType.Bigint, token).ConfigureAwait(false);
        if (Record.RowCount is { } count) await importer.WriteAsync(count, NpgsqlDbType.Bigint, token).ConfigureAwait(false);
        else await importer.WriteNullAsync(token).ConfigureAwait(false);
        await importer.WriteAsync(Entry.PreviousHash, NpgsqlDbType.Text, token).ConfigureAwait(false);
        await importer.WriteAsync(Entry.Hash, NpgsqlDbType.Text, token).ConfigureAwait(false);
        await importer.WriteAsync(Entry.Line, NpgsqlDbType.Text, token).ConfigureAwait(false);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken token) =>
        value is null ? importer.WriteNullAsync(token) : importer.WriteAsync(value, NpgsqlDbType.Text, token);
}
