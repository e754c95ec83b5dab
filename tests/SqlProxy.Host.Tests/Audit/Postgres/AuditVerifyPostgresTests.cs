using Npgsql;
using SqlProxy.Host.Commands;
using SqlProxy.Sdk;
using SqlProxy.Tests.Shared;

namespace SqlProxy.Host.Tests.Audit.Postgres;

/// <summary>
/// <c>sqlproxy audit verify &lt;connection string&gt;</c> over a trail table laid out as the PostgreSQL sink writes it:
/// intact, an edited entry, a deleted one, two swapped, an unreachable server, a missing table.
/// </summary>
public sealed class AuditVerifyPostgresTests(AuditServer audit) : IClassFixture<AuditServer>
{
    [Fact]
    public async Task An_intact_trail_verifies()
    {
        await WriteTrailAsync("intact", 6);
        var (code, output, errors) = Verify(audit.ConnectionString, "intact");
        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains("OK table trails.intact: 6 entries", output);
    }

    [Fact]
    public async Task A_postgresql_uri_is_read_like_a_connection_string()
    {
        await WriteTrailAsync("by_uri", 2);
        var server = audit.Server;
        var uri = $"postgresql://{Uri.EscapeDataString(server.Username)}:{Uri.EscapeDataString(server.Password)}@{server.Host}:{server.Port}/audit";
        var (code, output, _) = Verify(uri, "by_uri");
        Assert.Equal(0, code);
        Assert.Contains("2 entries", output);
    }

    [Fact]
    public async Task An_edited_entry_is_named()
    {
        await WriteTrailAsync("edited", 6);
        await ExecuteAsync("UPDATE trails.edited SET entry = replace(entry, 'analyst', 'admin') WHERE seq = 3");
        var (code, output, _) = Verify(audit.ConnectionString, "edited");
        Assert.Equal(1, code);
        Assert.Contains("trails.edited seq 3: entry 3 (audit_id a-3) was altered", output);
    }

    [Fact]
    public async Task A_deleted_entry_is_named_as_a_gap()
    {
        await WriteTrailAsync("deleted", 6);
        await ExecuteAsync("DELETE FROM trails.deleted WHERE seq = 4");
        var (code, output, _) = Verify(audit.ConnectionString, "deleted");
        Assert.Equal(1, code);
        Assert.Contains("entry 5 (audit_id a-5) follows entry 3: entry 4 is missing", output);
    }

    [Fact]
    public async Task Two_swapped_rows_break_the_chain()
    {
        await WriteTrailAsync("swapped", 6);
        await ExecuteAsync("UPDATE trails.swapped SET seq = -2 WHERE seq = 2; UPDATE trails.swapped SET seq = 2 WHERE seq = 5; UPDATE trails.swapped SET seq = 5 WHERE seq = -2");
        var (code, output, _) = Verify(audit.ConnectionString, "swapped");
        Assert.Equal(1, code);
        Assert.Contains("BROKEN table trails.swapped: trails.swapped seq 2: entry 5", output);
    }

    [Fact]
    public void An_unreachable_server_cannot_be_read_and_its_password_is_not_shown()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(audit.ConnectionString) { Port = 1 }.ConnectionString;
        var (code, output, errors) = Verify(connectionString, "intact");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("cannot read the audit trail: trails.intact at 127.0.0.1:1/audit", errors);
        Assert.DoesNotContain(audit.Server.Password, errors);
    }

    [Fact]
    public void A_missing_table_cannot_be_read()
    {
        var (code, _, errors) = Verify(audit.ConnectionString, "no_such_table");
        Assert.Equal(2, code);
        Assert.Contains("trails.no_such_table", errors);
        Assert.Contains("no such table", errors);
        Assert.DoesNotContain(audit.Server.Password, errors);
    }

    private static (int Code, string Output, string Errors) Verify(string target, string table)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = AuditVerifyCommand.Run(target, "trails", table, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>The table and chain as the sink writes them (only the columns verify reads carry meaning here).</summary>
    private async Task WriteTrailAsync(string table, int count)
    {
        await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS trails; CREATE TABLE trails.{table} (seq bigint PRIMARY KEY, entry text NOT NULL)");
        await using var connection = new NpgsqlConnection(audit.ConnectionString);
        await connection.OpenAsync();
        var previous = AuditChain.GenesisHash;
        for (var seq = 1; seq <= count; seq++)
        {
            var entry = AuditChain.Link(Record($"a-{seq}"), seq, previous);
            await using var insert = new NpgsqlCommand($"INSERT INTO trails.{table} (seq, entry) VALUES ($1, $2)", connection)
            {
                Parameters = { new() { Value = (long)seq }, new() { Value = entry.Line } },
            };
            await insert.ExecuteNonQueryAsync();
            previous = entry.Hash;
        }
    }

    private static AuditRecord Record(string auditId) => new()
    {
        AuditId = auditId,
        RequestId = "req-" + auditId,
        Timestamp = DateTimeOffset.UtcNow,
        Outcome = AuditOutcome.Executed,
        User = "analyst",
        Database = "testdb",
        Sql = "SELECT name FROM customers",
        Decision = "ALLOW",
    };

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(audit.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
