using SqlProxy.PrivatePostgres;

namespace SqlProxy.Tests.Shared;

/// <summary>One private PostgreSQL with a database <c>audit</c>, shared by the tests of a class (each uses its own table).</summary>
public sealed class AuditServer : IAsyncLifetime
{
    public PrivatePostgresServer Server { get; private set; } = null!;

    public string ConnectionString => Server.ConnectionString("audit");

    public async Task InitializeAsync()
    {
        Server = await PrivatePostgresServer.StartAsync(new PrivatePostgresOptions());
        await Server.CreateDatabaseAsync("audit");
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}
