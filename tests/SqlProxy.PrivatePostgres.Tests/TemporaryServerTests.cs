namespace SqlProxy.PrivatePostgres.Tests;

public sealed class TemporaryServerTests
{
    [Fact(Timeout = Servers.TestTimeoutMs)]
    public async Task A_temporary_server_serves_sql_and_leaves_nothing_behind()
    {
        var ct = Servers.Deadline();
        using var scratch = new ScratchDirectory();
        var script = scratch.Combine("01-schema.sql");
        await File.WriteAllTextAsync(script, """
            CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
            INSERT INTO customers VALUES (1, 'ada@example.com');
            CREATE FUNCTION customer_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM customers; $$;
            INSERT INTO customers VALUES (2, 'grace@example.com');
            """, ct);

        var server = await PrivatePostgresServer.StartAsync(new PrivatePostgresOptions(), ct);
        var dataDirectory = server.DataDirectory;
        try
        {
            Assert.Equal("127.0.0.1", server.Host);
            Assert.InRange(server.Port, 1, 65535);
            Assert.Equal("sqlproxy", server.Username);
            Assert.Equal(32, server.Password.Length);
            Assert.StartsWith(Path.GetTempPath(), dataDirectory, StringComparison.Ordinal);

            await server.CreateDatabaseAsync("shop", ct);
            await server.CreateDatabaseAsync("shop", ct);
            await server.RunScriptsAsync("shop", [script], ct);

            Assert.Equal(2L, await Servers.ScalarAsync(server, "shop", "SELECT customer_count()", ct));
            Assert.Equal("UTF8", await Servers.ScalarAsync(server, "shop", "SHOW server_encoding", ct));
            Assert.Equal("off", await Servers.ScalarAsync(server, "shop", "SHOW fsync", ct));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(LinuxProcess.IsAlive(server.PostmasterPid), "the postmaster still runs after dispose");
        Assert.False(Directory.Exists(Path.GetDirectoryName(dataDirectory)), "the temporary directory was not deleted");
        await server.DisposeAsync();
    }

    [Fact(Timeout = Servers.TestTimeoutMs)]
    public async Task Two_servers_at_once_get_different_ports()
    {
        var ct = Servers.Deadline();
        var starts = await Task.WhenAll(
            PrivatePostgresServer.StartAsync(new PrivatePostgresOptions(), ct),
            PrivatePostgresServer.StartAsync(new PrivatePostgresOptions { Username = "other", Password = "it's a secret" }, ct));
        await using var first = starts[0];
        await using var second = starts[1];

        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal("sqlproxy", await Servers.ScalarAsync(first, "postgres", "SELECT current_user", ct));
        Assert.Equal("other", await Servers.ScalarAsync(second, "postgres", "SELECT current_user", ct));
    }

    [Fact(Timeout = Servers.TestTimeoutMs)]
    public async Task A_failed_start_reports_the_server_log()
    {
        var ct = Servers.Deadline();
        using var occupied = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((System.Net.IPEndPoint)occupied.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PrivatePostgresServer.StartAsync(new PrivatePostgresOptions { Port = port }, ct));

        Assert.Contains($"did not start on 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Address already in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_server_programs_are_named_with_what_to_install()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PrivatePostgresServer.StartAsync(new PrivatePostgresOptions { BinDirectory = "/nonexistent/bin" }));

        Assert.Equal("The PostgreSQL bin directory `/nonexistent/bin` has no initdb and pg_ctl.", error.Message);
    }
}
