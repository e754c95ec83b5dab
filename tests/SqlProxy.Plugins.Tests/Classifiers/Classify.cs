using SqlProxy.Plugins.Classifiers;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.Classifiers;

/// <summary>Runs <see cref="PiiClassifier"/> on small hand-made results and describes what it found as <c>label:evidence</c>.</summary>
internal static class Classify
{
    public static QualifiedColumn Source(string relation, string column) => new(new RelationName("testdb", "public", relation), column);

    /// <summary>Labels of a single result column named <paramref name="name"/> with the given values.</summary>
    public static string[] Column(string name, params object?[] values) => Column(name, "text", [], values);

    public static string[] Column(string name, string dataType, IReadOnlyList<QualifiedColumn> sources, params object?[] values)
    {
        var sample = new ResultSample(
            [new ResultColumn(name, dataType, sources)],
            values.Select(value => (IReadOnlyList<object?>)[value]).ToArray());
        return Describe(Run(sample));
    }

    /// <summary>Labels of an unnamed-looking column (<c>c</c>, no sources): evidence can only come from values.</summary>
    public static string[] Values(params object?[] values) => Column("c", values);

    public static IReadOnlyList<ColumnClassification> Run(ResultSample sample)
    {
        var pending = new PiiClassifier().ClassifyAsync(sample, CancellationToken.None);
        Assert.True(pending.IsCompletedSuccessfully, "the classifier is pure CPU and completes synchronously");
        return pending.Result;
    }

    public static string[] Describe(IEnumerable<ColumnClassification> found) =>
        found.Select(c => $"{c.Label}:{c.Evidence}").ToArray();
}
