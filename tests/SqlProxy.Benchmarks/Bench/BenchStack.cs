using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SqlProxy.Host;
using SqlProxy.PrivatePostgres;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// A private PostgreSQL loaded with samples/db (as the host tests load it), and the real proxy in this process on a
/// free 127.0.0.1 port with the bench configuration (<see cref="BenchConfig"/>). Disposing stops both.
/// </summary>
internal sealed class BenchStack : IAsyncDisposable
{
    private BenchStack(PrivatePostgresServer server)
    {
        Server = server;
    }

    public PrivatePostgresServer Server { get; }

    public BenchConfig? Config { get; private set; }

    public WebApplication? Proxy { get; private set; }

    public Uri ProxyAddress { get; private set; } = null!;

    public string DirectConnectionString => $"Host={Server.Host};Port={Server.Port};Database=testdb;Username={Server.Username};Password={Server.Password}";

    public static async Task<BenchStack> StartAsync()
    {
        var server = await PrivatePostgresServer.StartAsync(new PrivatePostgresOptions());
        var stack = new BenchStack(server);
        try
        {
            await server.CreateDatabaseAsync("testdb");
            var scripts = Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "db"), "*.sql").Order(StringComparer.Ordinal);
            await server.RunScriptsAsync("testdb", scripts);
            stack.Config = BenchConfig.Create(server);
            // Request log lines are formatted as in production but written nowhere: the console would be the bottleneck.
            stack.Proxy = ProxyApp.Build(stack.Config.Config, "http://127.0.0.1:0", TextWriter.Null);
            await stack.Proxy.StartAsync();
            var address = stack.Proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            stack.ProxyAddress = new Uri(address);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Proxy is not null)
            {
                await Proxy.StopAsync();
                await Proxy.DisposeAsync();
            }
        }
        finally
        {
            await Server.DisposeAsync();
            Config?.Dispose();
        }
    }
}
