using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;

namespace SqlProxy.Benchmarks.Micro;

/// <summary>Runs the report's micro-benchmarks with the short job and gives their tables as GitHub markdown.</summary>
internal static class MicroSuite
{
    public static readonly Type[] Benchmarks =
        [typeof(ParseBenchmarks), typeof(RuleSetDecideBenchmarks), typeof(ResultBenchmarks), typeof(AuditEnqueueBenchmarks)];

    /// <param name="filter">Runs only the classes whose name contains it (case-insensitive); null runs all.</param>
    public static IReadOnlyList<string> Run(string? filter)
    {
        var tables = new List<string>();
        foreach (var type in Benchmarks.Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            var summary = BenchmarkRunner.Run(type, ShortJob.Config());
            var markdown = new AccumulationLogger();
            MarkdownExporter.GitHub.ExportToLog(summary, markdown);
            tables.Add($"#### {type.Name}\n\n" + TableOnly(markdown.GetLog()));
            if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
                throw new InvalidOperationException($"{type.Name} failed: see the BenchmarkDotNet output above.");
        }
        return tables;
    }

    /// <summary>The exporter repeats the environment the report already states; keep from the table's header on.</summary>
    private static string TableOnly(string log)
    {
        var lines = log.Replace("\r", "").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("| Method", StringComparison.Ordinal));
        return string.Join('\n', start < 0 ? lines : lines[start..]).Trim() + "\n";
    }
}
