using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Classifiers;

/// <summary>
/// Labels result columns holding personal data (<see cref="PiiLabels"/>) from three kinds of
/// evidence, strongest first: <c>values</c> (most sampled values validate), <c>name</c> (the result
/// column's name announces it) and <c>provenance</c> (a source column's name does). Each
/// (column, label) pair is reported once, with the strongest evidence found.
/// </summary>
public sealed class PiiClassifier : IClassifier
{
    /// <summary>Share of the non-null sampled values that must validate for <c>values</c> evidence.</summary>
    internal const double ValueShare = 0.8;

    /// <summary>Rows of the sample examined; the rest are ignored.</summary>
    internal const int MaxRowsExamined = 1000;

    /// <summary>Longer strings are counted as not validating, without being examined.</summary>
    internal const int MaxValueLength = 256;

    private const string ByValues = "values";
    private const string ByName = "name";
    private const string ByProvenance = "provenance";

    /// <summary>Result types that cannot hold these kinds of data, whatever they derive from (<c>count(email)</c>).</summary>
    private static readonly string[] NonPersonalTypes =
    [
        "boolean", "bool", "smallint", "integer", "bigint", "int2", "int4", "int8", "real", "double precision",
        "float4", "float8", "numeric", "decimal", "oid",
    ];

    private static readonly PiiKind[] ValueKinds = PiiKinds.All.Where(kind => kind.IsValue is not null).ToArray();

    /// <inheritdoc />
    public string Name => "pii";

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; } = PiiKinds.All.Select(kind => kind.Label).ToArray();

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultSample result, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<IReadOnlyList<ColumnClassification>>(cancellationToken)
            : ValueTask.FromResult(Classify(result));

    private static IReadOnlyList<ColumnClassification> Classify(ResultSample? result)
    {
        var columns = result?.Columns;
        if (columns is null || columns.Count == 0)
        {
            return [];
        }

        var rows = result!.Rows ?? [];
        var found = new List<ColumnClassification>();
        for (var index = 0; index < columns.Count; index++)
        {
            var column = columns[index];
            if (column is null)
            {
                continue;
            }

            var valueLabels = LabelsByValues(rows, index);
            var nameWords = ColumnNameWords.Split(column.Name);
            var typeAllowsNames = !IsBoolean(column.DataType);
            var typeAllowsProvenance = !NonPersonalTypes.Contains(column.DataType?.Trim().ToLowerInvariant());
            foreach (var kind in PiiKinds.All)
            {
                var evidence = valueLabels.Contains(kind.Label) ? ByValues
                    : typeAllowsNames && kind.MatchesName(nameWords) ? ByName
                    : typeAllowsProvenance && (column.Sources ?? []).Any(kind.MatchesSource) ? ByProvenance
                    : null;
                if (evidence is not null)
                {
                    found.Add(new ColumnClassification(index, kind.Label, evidence));
                }
            }
        }

        return found;
    }

    private static HashSet<string> LabelsByValues(IReadOnlyList<IReadOnlyList<object?>> rows, int index)
    {
        var matches = new int[ValueKinds.Length];
        var nonNull = 0;
        foreach (var row in rows.Take(MaxRowsExamined))
        {
            var value = row is not null && index < row.Count ? row[index] : null;
            if (value is null or DBNull)
            {
                continue;
            }

            nonNull++;
            if (value is not string text || text.Length > MaxValueLength)
            {
                continue;
            }

            text = text.Trim();
            for (var k = 0; k < ValueKinds.Length; k++)
            {
                if (text.Length > 0 && ValueKinds[k].IsValue!(text))
                {
                    matches[k]++;
                }
            }
        }

        var labels = new HashSet<string>();
        for (var k = 0; k < ValueKinds.Length; k++)
        {
            if (matches[k] >= 1 && matches[k] >= ValueShare * nonNull)
            {
                labels.Add(ValueKinds[k].Label);
            }
        }

        return labels;
    }

    private static bool IsBoolean(string? dataType) =>
        string.Equals(dataType, "boolean", StringComparison.OrdinalIgnoreCase) || string.Equals(dataType, "bool", StringComparison.OrdinalIgnoreCase);
}
