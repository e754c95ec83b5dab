using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SqlProxy.Host.Configuration;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Observability;

/// <summary>
/// The sample proxy (like <see cref="RunningProxy"/>) with <c>[server] log_format</c> set and its log lines captured in
/// memory instead of standard output.
/// </summary>
internal sealed class LoggedProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string directory;
    private readonly StringWriter output;
    private bool stopped;

    private LoggedProxy(WebApplication app, string directory, StringWriter output, HttpClient client) =>
        (this.app, this.directory, this.output, Client) = (app, directory, output, client);

    public HttpClient Client { get; }

    public static async Task<LoggedProxy> StartAsync(SampleDatabase database, string logFormat)
    {
        var directory = Directory.CreateTempSubdirectory("sqlproxy-log-test-").FullName;
        var toml = SampleToml.Text()
            .Replace("log_format = \"text\"", $"log_format = \"{logFormat}\"")
            .Replace("watch = true", "watch = false");
        var configPath = Path.Combine(directory, "sqlproxy.toml");
        File.WriteAllText(configPath, toml);
        var output = new StringWriter();
        try
        {
            var app = ProxyApp.Build(ConfigLoader.Load(configPath, SampleToml.Environment(database.Server)), "http://127.0.0.1:0", output);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LoggedProxy(app, directory, output, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops the proxy (flushing its log) and answers every line it logged.</summary>
    public async Task<IReadOnlyList<string>> StopAndReadLogAsync()
    {
        await StopAsync();
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task StopAsync()
    {
        if (stopped) return;
        stopped = true;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        Directory.Delete(directory, recursive: true);
    }
}
