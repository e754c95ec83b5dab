using System.Globalization;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests.Observability;

/// <summary>One GET /metrics of a running proxy, read series by series.</summary>
internal sealed class MetricsScrape
{
    private MetricsScrape(string text) => Text = text;

    public string Text { get; }

    public static async Task<MetricsScrape> OfAsync(RunningProxy proxy)
    {
        var response = await proxy.Client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new MetricsScrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The value of the series written exactly as <paramref name="series"/> (name and labels), 0 when absent.</summary>
    public double ValueOf(string series)
    {
        var line = Text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The sum of every series of <paramref name="metric"/> whose labels contain all of <paramref name="labels"/>.</summary>
    public double SumOf(string metric, params (string Name, string Value)[] labels) => Text.Split('\n')
        .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
        .Where(l => labels.All(label => l.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
