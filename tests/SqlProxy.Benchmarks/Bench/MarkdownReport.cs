using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>Writes artifacts/bench/report.md: the machine, the command, each section's tables, and a reading of them.</summary>
internal sealed class MarkdownReport(BenchOptions options, string arguments)
{
    private readonly StringBuilder sections = new();
    private readonly List<string> reading = [];
    private TimeSpan elapsed;

    public bool HasErrors { get; private set; }

    public void Micro(IReadOnlyList<string> tables)
    {
        sections.AppendLine("## 1. Micro-benchmarks\n");
        sections.AppendLine("BenchmarkDotNet, in-process, 2 warm-up and 5 measured iterations (a short job: error bars are wide). " +
            "Parse: the host's caching analyser on a miss (unique SQL each operation) and on a hit. Decide: ~100 rules. " +
            "Classify and mask: the host's stages with the built-in plugins loaded through the plugin catalog, on a 1,000-row " +
            "result (classification samples 100 rows, as configured). Audit: building the record, and enqueuing it on the host's " +
            "queue drained by the built-in file sink in a temporary directory.\n");
        foreach (var table in tables) sections.AppendLine(table);
    }

    public void Load(LoadResult proxy, LoadResult direct, LoadResult mixed)
    {
        sections.AppendLine("## 2. Load test over HTTP (127.0.0.1)\n");
        sections.AppendLine($"A private PostgreSQL 15 loaded with samples/db; the proxy in-process with samples/sqlproxy.toml, the sample " +
            $"rules plus {BenchConfig.GeneratedRuleCount} generated ones, audit to a file in a temporary directory, request logs formatted " +
            $"but discarded. {proxy.Clients} closed-loop clients, {F(options.WarmUpSeconds)} s warm-up then {F(options.DurationSeconds)} s " +
            $"per run, all as the analyst (`sk-analyst-demo-key`). The clients run in the same process and on the same cores as the proxy " +
            $"and PostgreSQL. A request with a wrong status or body is an error.\n");
        sections.AppendLine($"- allowed: `{LoadMix.AllowedSql}` (200, 20 rows)");
        sections.AppendLine($"- pii (masked): `{LoadMix.PiiSql}` (200; e-mail masked by label, phone by column)");
        sections.AppendLine($"- blocked: `{LoadMix.BlockedSql}` (403 POLICY_BLOCKED). It has no direct equivalent: PostgreSQL has no policy to refuse it.\n");
        foreach (var result in new[] { proxy, direct, mixed }) LoadTable(result);

        sections.AppendLine("Proxy against direct, the same mix (allowed + pii) side by side:\n");
        sections.AppendLine("| | proxy | direct | proxy/direct |");
        sections.AppendLine("|---|---:|---:|---:|");
        sections.AppendLine($"| throughput (req/s) | {proxy.Total.PerSecond:F0} | {direct.Total.PerSecond:F0} | {Ratio(proxy.Total.PerSecond, direct.Total.PerSecond)} |");
        sections.AppendLine($"| p50 (ms) | {proxy.Total.P50Ms:F2} | {direct.Total.P50Ms:F2} | {Ratio(proxy.Total.P50Ms, direct.Total.P50Ms)} |");
        sections.AppendLine($"| p99 (ms) | {proxy.Total.P99Ms:F2} | {direct.Total.P99Ms:F2} | {Ratio(proxy.Total.P99Ms, direct.Total.P99Ms)} |\n");
        reading.Add($"Over HTTP the proxy served {proxy.Total.PerSecond:F0} req/s against {direct.Total.PerSecond:F0} straight to PostgreSQL " +
            $"({Ratio(proxy.Total.PerSecond, direct.Total.PerSecond)} of direct throughput; p50 {proxy.Total.P50Ms:F2} ms against " +
            $"{direct.Total.P50Ms:F2} ms) with {proxy.Clients} clients; the difference is the price of authentication, analysis, ~100 rules, " +
            $"rewriting, classification, masking, JSON and the audit trail on {Environment.ProcessorCount} cores shared with PostgreSQL and the clients.");
        var errors = proxy.Total.Errors + direct.Total.Errors + mixed.Total.Errors;
        if (errors > 0) reading.Add($"There were {errors} errors (see the tables): the numbers above do not describe a healthy run.");
    }

    public void Pipeline(PipelineResult result)
    {
        sections.AppendLine("## 3. Pipeline in-process, without database\n");
        sections.AppendLine($"The proxy's own query pipeline and services, called in-process by {result.Callers} concurrent callers for " +
            $"{F(result.Seconds)} s after a {F(options.WarmUpSeconds)} s warm-up. Only the execute stage is replaced, by a benchmark harness " +
            $"that returns a fixed {PipelineHarness.CannedRows}-row result (name, e-mail, phone); authentication (SHA-256 of the key), limits, " +
            $"the cached analysis, ~100 rules, rewriting, classification, masking and the audit record enqueued to the file sink are the product's code. " +
            "No HTTP and no JSON response.\n");
        sections.AppendLine($"| callers | statements | errors | statements/s | CPU µs per statement | statements/s from CPU ({Environment.ProcessorCount} cores) |");
        sections.AppendLine("|---:|---:|---:|---:|---:|---:|");
        sections.AppendLine($"| {result.Callers} | {result.Statements} | {result.Errors} | {result.PerSecond:F0} | {result.CpuMicrosecondsPerStatement:F1} | {result.PerSecondFromCpu:F0} |\n");
        sections.AppendLine("CPU µs per statement is this process's CPU time (callers, plugin threads, audit writer, GC) over the statements: on a machine " +
            "shared with other work it is steadier than the wall-clock rate, and the last column is the rate it would allow on all cores.\n");
        if (result.FirstError is not null) sections.AppendLine($"First error: `{result.FirstError}`\n");
        var wallPerStatement = result.Callers * result.Seconds * 1_000_000 / Math.Max(1, result.Statements);
        sections.AppendLine("Where a statement's time goes (wall time per call, averaged over all callers, so waiting for a core counts too):\n");
        sections.AppendLine("| stage | µs per statement | share |");
        sections.AppendLine("|---|---:|---:|");
        foreach (var stage in result.Stages)
            sections.AppendLine($"| {stage.Stage} | {stage.MicrosecondsPerCall:F1} | {stage.MicrosecondsPerCall / wallPerStatement:P0} |");
        var outside = wallPerStatement - result.Stages.Sum(s => s.MicrosecondsPerCall);
        sections.AppendLine($"| outside the stages (plugin lease, audit record, enqueue) | {outside:F1} | {outside / wallPerStatement:P0} |");
        sections.AppendLine($"| **a statement** | **{wallPerStatement:F1}** | |\n");
        var slowest = result.Stages.OrderByDescending(s => s.MicrosecondsPerCall).First();
        reading.Add($"Without the database the pipeline ran {result.PerSecond:F0} statements/s on {Environment.ProcessorCount} cores " +
            $"({result.CpuMicrosecondsPerStatement:F0} µs of CPU each, i.e. {result.PerSecondFromCpu:F0}/s were the cores its own; target: 50,000); the largest share of a statement's time went to `{slowest.Stage}` ({slowest.MicrosecondsPerCall:F1} µs of {wallPerStatement:F1} µs).");
        if (result.Errors > 0) reading.Add($"The pipeline run had {result.Errors} errors: its rate is not valid.");
        HasErrors |= result.Errors > 0;
    }

    public void Finish(TimeSpan took) => elapsed = took;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("# SqlProxy bench report\n");
        text.AppendLine($"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine($"- Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), " +
            $"process {RuntimeInformation.ProcessArchitecture}");
        text.AppendLine($"- .NET: {RuntimeInformation.FrameworkDescription}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        text.AppendLine($"- Command: `dotnet tests/SqlProxy.Benchmarks/bin/Release/net10.0/SqlProxy.Benchmarks.dll {arguments}` " +
            "(what `./build.sh --target=bench` runs; its `--bench-duration`, `--bench-warmup`, `--bench-clients` and `--bench-sections` become these options)");
        text.AppendLine($"- Took: {elapsed.TotalMinutes:F1} min\n");
        text.AppendLine("## Reading\n");
        text.AppendLine(reading.Count == 0 ? "Only the micro-benchmarks ran; see their tables.\n" : string.Join(' ', reading) + "\n");
        text.Append(sections);
        return text.ToString();
    }

    private void LoadTable(LoadResult result)
    {
        sections.AppendLine($"**{result.Target}**\n");
        sections.AppendLine("| scenario | requests | errors | req/s | p50 (ms) | p99 (ms) |");
        sections.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in result.Scenarios.Append(result.Total))
            sections.AppendLine($"| {s.Name} | {s.Requests} | {s.Errors} | {s.PerSecond:F0} | {s.P50Ms:F2} | {s.P99Ms:F2} |");
        sections.AppendLine();
        foreach (var sample in result.ErrorSamples) sections.AppendLine($"- error: `{sample}`");
        if (result.ErrorSamples.Count > 0) sections.AppendLine();
        HasErrors |= result.Total.Errors > 0;
    }

    private static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a";

    private static string F(double seconds) => seconds.ToString("0.#", CultureInfo.InvariantCulture);
}
