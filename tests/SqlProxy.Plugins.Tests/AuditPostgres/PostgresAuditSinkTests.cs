using Npgsql;
using SqlProxy.Sdk;
using SqlProxy.Tests.Shared;

namespace SqlProxy.Plugins.Tests.AuditPostgres;

/// <summary>The PostgreSQL sink against a real server: the table it creates, the rows it writes, one chain across writers.</summary>
public sealed class PostgresAuditSinkTests(AuditServer audit) : IClassFixture<AuditServer>
{
    [Fact]
    public async Task The_first_write_creates_the_schema_table_and_indexes_and_stores_the_records_as_a_chain()
    {
        await using (var sink = await SinkFactory.CreateAsync(audit.ConnectionString, "first_write"))
        {
            var full = AuditFile.AuditRecords.Full() with { RowCount = 7 };
            await sink.WriteAsync([full, AuditFile.AuditRecords.Minimal("a-2"), AuditFile.AuditRecords.Minimal("a-3")], CancellationToken.None);
        }

        TrailTable.AssertUnbrokenChain(await TrailTable.ReadAsync(audit.ConnectionString, "first_write"), 3);
        await using var connection = new NpgsqlConnection(audit.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT audit_id, request_id, ts, outcome, user_name, client_address, database_name, decision, rule, statement_kinds, relations, " +
            "sql, error_code, duration_us, row_count, prev_hash, hash FROM sqlproxy_audit.first_write WHERE seq = 1", connection);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal("a-1", reader.GetString(0));
            Assert.Equal("req-a-1", reader.GetString(1));
            Assert.Equal(new DateTime(2025, 3, 14, 15, 9, 26, 535, DateTimeKind.Utc), reader.GetDateTime(2));
            Assert.Equal("UPSTREAM_ERROR", reader.GetString(3));
            Assert.Equal("analyst", reader.GetString(4));
            Assert.Equal("10.0.0.7", reader.GetString(5));
            Assert.Equal("testdb", reader.GetString(6));
            Assert.Equal("ALLOW", reader.GetString(7));
            Assert.Equal("rules/pii.rules:12", reader.GetString(8));
            Assert.Equal(["SELECT", "CREATE_TABLE"], reader.GetFieldValue<string[]>(9));
            Assert.Equal(["testdb.public.customers"], reader.GetFieldValue<string[]>(10));
            Assert.StartsWith("SELECT email, 'José'", reader.GetString(11));
            Assert.Equal("UPSTREAM_ERROR", reader.GetString(12));
            Assert.Equal(1234, reader.GetInt64(13));
            Assert.Equal(7, reader.GetInt64(14));
            Assert.Equal(AuditChain.GenesisHash, reader.GetString(15));
            Assert.Equal(64, reader.GetString(16).Length);
        }

        await using var indexes = new NpgsqlCommand(
            "SELECT string_agg(indexdef, E'\\n') FROM pg_indexes WHERE schemaname = 'sqlproxy_audit' AND tablename = 'first_write'", connection);
        var definitions = (string)(await indexes.ExecuteScalarAsync())!;
        Assert.Contains("(ts DESC)", definitions);
        Assert.Contains("(user_name, ts DESC)", definitions);
        Assert.Contains("(decision, ts DESC)", definitions);
        Assert.Contains("USING gin (relations)", definitions);
    }

    [Fact]
    public async Task A_new_sink_instance_continues_the_numbering_and_the_chain()
    {
        await using (var first = await SinkFactory.CreateAsync(audit.ConnectionString, "restart", schema: "audit_trail"))
        {
            await first.WriteAsync(SinkFactory.Batch("before", 4), CancellationToken.None);
        }
        await using (var second = await SinkFactory.CreateAsync(audit.ConnectionString, "restart", schema: "audit_trail"))
        {
            await second.WriteAsync(SinkFactory.Batch("after", 3), CancellationToken.None);
        }

        var rows = await TrailTable.ReadAsync(audit.ConnectionString, "restart", "audit_trail");
        TrailTable.AssertUnbrokenChain(rows, 7);
        Assert.Equal("after-1", rows[4].Entry.ReadRecord().AuditId);
    }

    [Fact]
    public async Task Two_instances_writing_at_the_same_time_extend_one_unbroken_chain()
    {
        await using var one = await SinkFactory.CreateAsync(audit.ConnectionString, "concurrent");
        await using var two = await SinkFactory.CreateAsync(audit.ConnectionString, "concurrent");

        async Task WriteBatches(SqlProxy.Plugins.AuditPostgres.PostgresAuditSink sink, string name)
        {
            for (var batch = 0; batch < 15; batch++)
                await sink.WriteAsync(SinkFactory.Batch($"{name}-{batch}", 3), CancellationToken.None);
        }
        await Task.WhenAll(Task.Run(() => WriteBatches(one, "one")), Task.Run(() => WriteBatches(two, "two")));

        var rows = await TrailTable.ReadAsync(audit.ConnectionString, "concurrent");
        TrailTable.AssertUnbrokenChain(rows, 90);
        var writers = rows.Select(r => r.Entry.ReadRecord().AuditId.Split('-')[0]).ToArray();
        // Interleaved: the batches of the two writers alternate somewhere in the chain, and each batch stays contiguous.
        Assert.Contains("one", writers);
        Assert.Contains("two", writers);
        for (var i = 0; i < rows.Count; i += 3)
            Assert.Single(rows.Skip(i).Take(3).Select(r => r.Entry.ReadRecord().AuditId[..r.Entry.ReadRecord().AuditId.LastIndexOf('-')]).Distinct());
    }

    [Fact]
    public async Task A_cancelled_write_stores_nothing_and_the_next_one_continues_the_chain()
    {
        await using var sink = await SinkFactory.CreateAsync(audit.ConnectionString, "cancelled");
        await sink.WriteAsync(SinkFactory.Batch("kept", 2), CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.WriteAsync(SinkFactory.Batch("cancelled", 2), new CancellationToken(true)).AsTask());
        await sink.WriteAsync(SinkFactory.Batch("next", 2), CancellationToken.None);

        var rows = await TrailTable.ReadAsync(audit.ConnectionString, "cancelled");
        TrailTable.AssertUnbrokenChain(rows, 4);
        Assert.DoesNotContain(rows, r => r.Entry.ReadRecord().AuditId.StartsWith("cancelled", StringComparison.Ordinal));
    }
}
