using Prometheus;

namespace SqlProxy.Host.Metrics;

/// <summary>One labelled series of a gauge: its label values, in the gauge's label order, and its value.</summary>
internal readonly record struct GaugeSample(string[] Labels, double Value);

/// <summary>
/// A labelled gauge whose complete set of series is set at each scrape: the series given are set and every other
/// series is removed, so labels that no longer exist (a plugin dropped by a reload) disappear from the output
/// instead of reporting their last value forever.
/// </summary>
internal sealed class ScrapedGauge(Gauge gauge)
{
    /// <summary>Makes <paramref name="samples"/> the gauge's only series. Not thread-safe: callers serialise.</summary>
    public void Publish(IEnumerable<GaugeSample> samples)
    {
        var present = new HashSet<string[]>(LabelValuesComparer.Instance);
        foreach (var sample in samples)
        {
            gauge.WithLabels(sample.Labels).Set(sample.Value);
            present.Add(sample.Labels);
        }
        foreach (var labels in gauge.GetAllLabelValues().ToArray())
            if (!present.Contains(labels)) gauge.RemoveLabelled(labels);
    }

    /// <summary>Compares label value arrays element by element.</summary>
    private sealed class LabelValuesComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelValuesComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(string[] labels)
        {
            var hash = new HashCode();
            foreach (var label in labels) hash.Add(label, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}
