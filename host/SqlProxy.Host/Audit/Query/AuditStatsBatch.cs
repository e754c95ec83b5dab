using Npgsql;
using NpgsqlTypes;

namespace SqlProxy.Host.Audit.Query;

/// <summary>Counts of the records in a time range, by decision, user, table and hour.</summary>
/// <param name="ByDecision">Decision (null: none reached) → records.</param>
/// <param name="ByUser">User (null: not authenticated) → records, the most active first (at most 100).</param>
/// <param name="ByTable">Relation touched → records, the most touched first (at most 100).</param>
/// <param name="ByHour">Start of the hour (UTC) → records, in time order.</param>
internal sealed record AuditStats(
    DateTimeOffset From,
    DateTimeOffset To,
    long Total,
    IReadOnlyList<(string? Key, long Count)> ByDecision,
    IReadOnlyList<(string? Key, long Count)> ByUser,
    IReadOnlyList<(string? Key, long Count)> ByTable,
    IReadOnlyList<(DateTime Hour, long Count)> ByHour);

/// <summary>The SQL of <see cref="AuditStats"/>: one batch, one round trip, the range as parameters.</summary>
internal static class AuditStatsBatch
{
    private const int TopGroups = 100;

    public static async Task<AuditStats> RunAsync(NpgsqlConnection connection, string table, AuditStatsQuery range, CancellationToken cancellationToken)
    {
        const string InRange = "ts >= $1 AND ts < $2";
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in new[]
                 {
                     $"SELECT count(*) FROM {table} WHERE {InRange}",
                     $"SELECT decision, count(*) FROM {table} WHERE {InRange} GROUP BY decision ORDER BY 2 DESC, 1",
                     $"SELECT user_name, count(*) FROM {table} WHERE {InRange} GROUP BY user_name ORDER BY 2 DESC, 1 LIMIT {TopGroups}",
                     $"SELECT r, count(*) FROM {table}, unnest(relations) AS r WHERE {InRange} GROUP BY r ORDER BY 2 DESC, 1 LIMIT {TopGroups}",
                     $"SELECT date_trunc('hour', ts, 'UTC'), count(*) FROM {table} WHERE {InRange} GROUP BY 1 ORDER BY 1",
                 })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = range.From.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = range.To.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var byDecision = await GroupsAsync(reader, r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var byUser = await GroupsAsync(reader, r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var byTable = await GroupsAsync(reader, r => (string?)r.GetString(0), cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var byHour = await GroupsAsync(reader, r => r.GetDateTime(0), cancellationToken);
        return new AuditStats(range.From, range.To, total, byDecision, byUser, byTable, byHour);
    }

    private static async Task<IReadOnlyList<(T Key, long Count)>> GroupsAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> key, CancellationToken cancellationToken)
    {
        var groups = new List<(T, long)>();
        while (await reader.ReadAsync(cancellationToken)) groups.Add((key(reader), reader.GetInt64(1)));
        return groups;
    }
}
