using System.Net;
using System.Net.Sockets;
using SqlProxy.Plugins.AuditPostgres;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Plugins.Tests.AuditPostgres;

/// <summary>
/// The database goes away and comes back (a real stop and start of the same cluster on the same port): writes fail
/// while it is down, without the password in the message, and succeed afterwards on the same sink, continuing one chain.
/// </summary>
public sealed class PostgresAuditSinkRestartTests : IAsyncLifetime
{
    private const string Password = "restart-secret-Pa55word";
    private readonly string _root = Directory.CreateTempSubdirectory("sqlproxy-audit-pg-").FullName;
    private readonly int _port = FreeLoopbackPort();
    private PrivatePostgresServer? _server;

    private PrivatePostgresOptions Options => new() { DataDirectory = Path.Combine(_root, "data"), Port = _port, Password = Password };

    public async Task InitializeAsync()
    {
        // The server runs as an unprivileged user, which must be able to reach the data directory.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        _server = await PrivatePostgresServer.StartAsync(Options);
        await _server.CreateDatabaseAsync("audit");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Writes_fail_while_the_database_is_down_and_continue_the_chain_once_it_is_back()
    {
        var connectionString = _server!.ConnectionString("audit");
        await using var sink = await SinkFactory.CreateAsync(connectionString, "records");
        await sink.WriteAsync(SinkFactory.Batch("up", 3), CancellationToken.None);

        await _server.DisposeAsync();
        _server = null;
        var failure = await Assert.ThrowsAsync<AuditWriteException>(() => sink.WriteAsync(SinkFactory.Batch("down", 2), CancellationToken.None).AsTask());
        Assert.Contains("sqlproxy_audit.records at 127.0.0.1:" + _port + "/audit", failure.Message);
        Assert.DoesNotContain(Password, failure.ToString());

        _server = await PrivatePostgresServer.StartAsync(Options);
        await sink.WriteAsync(SinkFactory.Batch("back", 2), CancellationToken.None);

        var rows = await TrailTable.ReadAsync(connectionString, "records");
        TrailTable.AssertUnbrokenChain(rows, 5);
        Assert.Equal(["up-1", "up-2", "up-3", "back-1", "back-2"], rows.Select(r => r.Entry.ReadRecord().AuditId));
    }

    [Fact]
    public async Task A_sink_made_while_the_database_is_down_creates_its_table_once_it_is_up()
    {
        var connectionString = _server!.ConnectionString("audit");
        await _server.DisposeAsync();
        _server = null;

        // The plugin loads without touching the database.
        await using var sink = await SinkFactory.CreateAsync(connectionString, "late");
        await Assert.ThrowsAsync<AuditWriteException>(() => sink.WriteAsync(SinkFactory.Batch("down", 1), CancellationToken.None).AsTask());

        _server = await PrivatePostgresServer.StartAsync(Options);
        await sink.WriteAsync(SinkFactory.Batch("up", 2), CancellationToken.None);
        TrailTable.AssertUnbrokenChain(await TrailTable.ReadAsync(connectionString, "late"), 2);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
