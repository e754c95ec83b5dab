using System.Diagnostics;
using Npgsql;
using SqlProxy.Benchmarks.Micro;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// The end-to-end benchmark: micro-benchmarks, the load test over HTTP against the proxy and directly against
/// PostgreSQL, and the in-process pipeline; writes a markdown report. PostgreSQL and the proxy are always stopped.
/// </summary>
internal static class BenchReport
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 2;
        }
        var started = Stopwatch.StartNew();
        var report = new MarkdownReport(options, "report " + string.Join(' ', args));

        if (options.Sections.Contains("micro"))
        {
            Console.WriteLine("== Micro-benchmarks (BenchmarkDotNet, short in-process job)");
            report.Micro(MicroSuite.Run(options.MicroFilter));
        }
        if (options.Sections.Contains("load") || options.Sections.Contains("pipeline"))
        {
            Console.WriteLine("== Starting a private PostgreSQL (samples/db) and the proxy");
            await using var stack = await BenchStack.StartAsync();
            if (options.Sections.Contains("load")) await RunLoadAsync(stack, options, report);
            if (options.Sections.Contains("pipeline"))
            {
                Console.WriteLine($"== Pipeline without database: {options.Callers} callers, {options.DurationSeconds} s");
                var result = await PipelineHarness.RunAsync(stack, options.Callers, options.WarmUp, options.Duration);
                Console.WriteLine($"   {result.PerSecond:F0} statements/s, {result.Errors} errors");
                report.Pipeline(result);
            }
            Console.WriteLine("== Stopping the proxy and PostgreSQL");
        }

        report.Finish(started.Elapsed);
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        await File.WriteAllTextAsync(options.Output, report.ToString());
        Console.WriteLine($"Bench report: {options.Output}");
        return report.HasErrors ? 1 : 0;
    }

    private static async Task RunLoadAsync(BenchStack stack, BenchOptions options, MarkdownReport report)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = stack.ProxyAddress, Timeout = TimeSpan.FromSeconds(30) };
        var builder = new NpgsqlDataSourceBuilder(stack.DirectConnectionString);
        // The proxy's pool for testdb is max_pool_size = 20: the same for the direct client.
        builder.ConnectionStringBuilder.MaxPoolSize = stack.Config!.Config.Databases[0].MaxPoolSize;
        await using var direct = builder.Build();

        Console.WriteLine($"== Load: proxy, allowed + pii, {options.Clients} clients, {options.DurationSeconds} s");
        var proxy = await LoadRunner.RunAsync("proxy (HTTP)", LoadMix.Proxy(client, withBlocked: false), options.Clients, options.WarmUp, options.Duration);
        Console.WriteLine($"== Load: direct Npgsql, allowed + pii, {options.Clients} clients, {options.DurationSeconds} s");
        var directResult = await LoadRunner.RunAsync("direct (Npgsql)", LoadMix.Direct(direct), options.Clients, options.WarmUp, options.Duration);
        Console.WriteLine($"== Load: proxy, allowed + pii + blocked, {options.Clients} clients, {options.DurationSeconds} s");
        var mixed = await LoadRunner.RunAsync("proxy (HTTP), with blocked", LoadMix.Proxy(client, withBlocked: true), options.Clients, options.WarmUp, options.Duration);
        foreach (var result in new[] { proxy, directResult, mixed })
            Console.WriteLine($"   {result.Target}: {result.Total.PerSecond:F0} req/s, p50 {result.Total.P50Ms:F2} ms, p99 {result.Total.P99Ms:F2} ms, {result.Total.Errors} errors");
        report.Load(proxy, directResult, mixed);
    }
}
