using System.Globalization;
using System.Text;
using Prometheus;

namespace SqlProxy.Host.Tests.Metrics;

/// <summary>One collection of a registry in the Prometheus text format, as a scrape of <c>/metrics</c> gets it.</summary>
internal sealed class Scrape
{
    private Scrape(string text) => Text = text;

    /// <summary>The exported text.</summary>
    public string Text { get; }

    /// <summary>Collects <paramref name="registry"/>, running its before-collect callbacks.</summary>
    public static async Task<Scrape> OfAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return new Scrape(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The value of the series <paramref name="series"/> (name and labels as exported), or null when absent.</summary>
    public double? ValueOf(string series)
    {
        var line = Text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(series.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The series name of <paramref name="metric"/> with the label pairs given, in order.</summary>
    public static string Series(string metric, params (string Name, string Value)[] labels) =>
        labels.Length == 0 ? metric : $"{metric}{{{string.Join(",", labels.Select(l => $"{l.Name}=\"{l.Value}\""))}}}";

    /// <summary>The <c>sqlproxy_plugin_state</c> series of <paramref name="plugin"/> in <paramref name="state"/>.</summary>
    public double? StateOf(string plugin, string state) => ValueOf(Series("sqlproxy_plugin_state", ("plugin", plugin), ("state", state)));

    /// <summary>The <c>sqlproxy_plugin_faults</c> series of <paramref name="plugin"/>.</summary>
    public double? FaultsOf(string plugin) => ValueOf(Series("sqlproxy_plugin_faults", ("plugin", plugin)));
}
