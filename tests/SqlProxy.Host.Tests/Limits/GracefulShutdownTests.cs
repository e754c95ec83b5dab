using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Limits;

/// <summary>
/// Stopping the proxy (what SIGTERM does): it stops accepting connections at once, lets the request in flight finish
/// with its answer, and writes that request's audit record before the stop completes; <c>sqlproxy serve</c> then exits
/// with 0.
/// </summary>
[Collection(SampleDatabaseCollection.Name)]
public sealed class GracefulShutdownTests(SampleDatabase sample)
{
    [Fact]
    public async Task A_request_in_flight_completes_and_is_audited_while_new_connections_are_refused()
    {
        await using var proxy = await RunningProxy.StartAsync(sample, toml => toml.Replace("shutdown_timeout_seconds = 30", "shutdown_timeout_seconds = 20"));
        var endpoint = new DnsEndPoint(proxy.Client.BaseAddress!.Host, proxy.Client.BaseAddress.Port);

        var inFlight = proxy.QueryAsync(DemoKeys.Admin, "SELECT pg_sleep(3) AS draining_sleeper");
        await PgActivity.WaitForRunningAsync(sample.Server, "draining_sleeper");
        var watch = Stopwatch.StartNew();
        var stop = proxy.StopAsync();

        // While the statement still runs, the listener is already closed.
        await WaitUntilRefusedAsync(endpoint);
        Assert.False(inFlight.IsCompleted, "the request finished before the listener closed: the test proves nothing");

        var response = await inFlight;
        await stop;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var auditId = (string)(await response.JsonAsync())["audit_id"]!;
        var records = await proxy.AuditRecordsAsync();
        var record = Assert.Single(records, r => (string?)r["audit_id"] == auditId);
        Assert.Equal("EXECUTED", (string?)record["outcome"]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"the stop took {watch.Elapsed}");
        await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(endpoint));
    }

    [Fact]
    public async Task Serve_exits_with_0_after_the_stop_signal_and_leaves_nothing_listening()
    {
        var directory = Directory.CreateTempSubdirectory("sqlproxy-serve-stop-").FullName;
        try
        {
            var port = FreeLoopbackPort();
            var server = sample.Server;
            var toml = SampleToml.WithServer(SampleToml.Text(), server)
                .Replace("listen = \"http://127.0.0.1:8080\"", $"listen = \"http://127.0.0.1:{port}\"")
                .Replace("watch = true", "watch = false");
            var config = Path.Combine(directory, "sqlproxy.toml");
            File.WriteAllText(config, toml);
            using var stopSignal = new CancellationTokenSource();

            var serving = Commands.ServeCommand.RunAsync(config, stopSignal.Token);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("/health")).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException)
                {
                }
                Assert.False(serving.IsCompleted, "serve ended before it answered");
                Assert.True(DateTime.UtcNow < deadline, "serve did not answer /health within 30 s");
                await Task.Delay(100);
            }
            await stopSignal.CancelAsync();

            Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
            await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(new DnsEndPoint("127.0.0.1", port)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilRefusedAsync(DnsEndPoint endpoint)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (true)
        {
            try
            {
                await ConnectAsync(endpoint);
            }
            catch (SocketException)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the proxy still accepts connections 2 s after the stop began");
            await Task.Delay(20);
        }
    }

    private static async Task ConnectAsync(DnsEndPoint endpoint)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
    }
}
