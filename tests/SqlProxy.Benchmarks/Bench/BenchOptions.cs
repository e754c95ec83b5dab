using System.Globalization;

namespace SqlProxy.Benchmarks.Bench;

/// <summary>
/// The arguments of <c>report</c>: <c>--duration</c> and <c>--warmup</c> (seconds per measured phase),
/// <c>--clients</c> (load test), <c>--callers</c> (pipeline), <c>--sections</c> (micro,load,pipeline),
/// <c>--micro-filter</c> (a benchmark class name part) and <c>--out</c> (the report file).
/// </summary>
internal sealed record BenchOptions(
    double DurationSeconds, double WarmUpSeconds, int Clients, int Callers, IReadOnlySet<string> Sections, string? MicroFilter, string Output)
{
    public static readonly string[] AllSections = ["micro", "load", "pipeline"];

    public TimeSpan Duration => TimeSpan.FromSeconds(DurationSeconds);

    public TimeSpan WarmUp => TimeSpan.FromSeconds(WarmUpSeconds);

    /// <exception cref="ArgumentException">An unknown option or a bad value, named.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(15, 10, 8, Math.Max(4, Environment.ProcessorCount * 4), AllSections.ToHashSet(), null,
            Path.Combine(RepositoryPaths.Root, "artifacts", "bench", "report.md"));
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"`{name}` needs a value");
            var value = args[++i];
            options = name switch
            {
                "--duration" => options with { DurationSeconds = Seconds(name, value, 0.5, 300) },
                "--warmup" => options with { WarmUpSeconds = Seconds(name, value, 0, 120) },
                "--clients" => options with { Clients = Count(name, value) },
                "--callers" => options with { Callers = Count(name, value) },
                "--sections" => options with { Sections = SectionsOf(value) },
                "--micro-filter" => options with { MicroFilter = value },
                "--out" => options with { Output = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option `{name}`; known: --duration, --warmup, --clients, --callers, --sections, --micro-filter, --out"),
            };
        }
        return options;
    }

    private static double Seconds(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= min && seconds <= max
            ? seconds
            : throw new ArgumentException($"`{name}` must be a number of seconds from {min} to {max}, not `{value}`");

    private static int Count(string name, string value) =>
        int.TryParse(value, out var count) && count is >= 1 and <= 1024
            ? count
            : throw new ArgumentException($"`{name}` must be a whole number from 1 to 1024, not `{value}`");

    private static IReadOnlySet<string> SectionsOf(string value)
    {
        var sections = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = sections.Except(AllSections, StringComparer.OrdinalIgnoreCase).ToArray();
        if (sections.Count == 0 || unknown.Length > 0)
            throw new ArgumentException($"`--sections` takes a comma-separated list of {string.Join(", ", AllSections)}; unknown: `{string.Join(", ", unknown)}`");
        return sections;
    }
}
