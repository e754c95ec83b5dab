using SqlProxy.PrivatePostgres;

namespace SqlProxy.Host.Tests.Support;

/// <summary>
/// A private PostgreSQL loaded with samples/db and the proxy in front of it with the sample
/// configuration, shared by the tests of one collection. Tests that need other settings start
/// their own <see cref="RunningProxy"/> on the same database.
/// </summary>
public sealed class SampleDatabase : IAsyncLifetime
{
    public PrivatePostgresServer Server { get; private set; } = null!;

    public RunningProxy Proxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PrivatePostgresServer.StartAsync(new PrivatePostgresOptions());
        await Server.CreateDatabaseAsync("testdb");
        var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "db"), "*.sql").Order(StringComparer.Ordinal);
        await Server.RunScriptsAsync("testdb", scripts);
        Proxy = await RunningProxy.StartAsync(this);
    }

    public async Task DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SampleDatabaseCollection : ICollectionFixture<SampleDatabase>
{
    public const string Name = "sample database";
}
