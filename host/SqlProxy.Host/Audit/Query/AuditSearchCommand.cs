using Npgsql;
using NpgsqlTypes;

namespace SqlProxy.Host.Audit.Query;

/// <summary>The SQL of an <see cref="AuditQuery"/>: every value a parameter, newest first, one row more than the page to tell whether another follows.</summary>
internal static class AuditSearchCommand
{
    public static NpgsqlCommand Create(NpgsqlConnection connection, string qualifiedTable, AuditQuery query)
    {
        var command = new NpgsqlCommand { Connection = connection };
        var conditions = new List<string>();

        string Parameter(object value, NpgsqlDbType type)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + command.Parameters.Count;
        }

        if (query.User is { } user) conditions.Add($"user_name = {Parameter(user, NpgsqlDbType.Text)}");
        if (query.Decision is { } decision) conditions.Add($"decision = {Parameter(decision, NpgsqlDbType.Text)}");
        if (query.Database is { } database) conditions.Add($"database_name = {Parameter(database, NpgsqlDbType.Text)}");
        if (query.Kind is { } kind) conditions.Add($"statement_kinds @> ARRAY[{Parameter(kind, NpgsqlDbType.Text)}]");
        if (query.Table is { } table)
        {
            var full = Parameter(table, NpgsqlDbType.Text);
            var suffix = Parameter("." + table, NpgsqlDbType.Text);
            // The full name can use the GIN index; a trailing part (`customers`, `public.customers`) cannot.
            conditions.Add($"(relations @> ARRAY[{full}] OR EXISTS (SELECT 1 FROM unnest(relations) AS r WHERE right(r, length({suffix})) = {suffix}))");
        }
        if (query.From is { } from) conditions.Add($"ts >= {Parameter(from.ToUniversalTime(), NpgsqlDbType.TimestampTz)}");
        if (query.To is { } to) conditions.Add($"ts < {Parameter(to.ToUniversalTime(), NpgsqlDbType.TimestampTz)}");
        if (query.Text is { } text) conditions.Add($"strpos(lower(sql), lower({Parameter(text, NpgsqlDbType.Text)})) > 0");
        if (query.BeforeSeq is { } before) conditions.Add($"seq < {Parameter(before, NpgsqlDbType.Bigint)}");

        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"SELECT seq, entry FROM {qualifiedTable}{where} ORDER BY seq DESC LIMIT {Parameter(query.Limit + 1, NpgsqlDbType.Integer)}";
        return command;
    }
}
