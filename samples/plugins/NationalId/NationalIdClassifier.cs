using SqlProxy.Sdk;

namespace NationalId;

/// <summary>
/// Labels <see cref="NationalIdLabels.NationalId"/> the result columns holding Dutch BSNs, by the strongest evidence
/// found: <c>values</c> (at least <see cref="MinValues"/> sampled values, and <see cref="ValueShare"/> of them, pass the
/// 11-proof), <c>name</c> (the column is called e.g. <c>bsn</c>) or <c>provenance</c> (a source column is).
/// </summary>
public sealed class NationalIdClassifier : IClassifier
{
    /// <summary>Fewest non-null sampled values for <c>values</c> evidence: one in eleven random numbers passes the 11-proof.</summary>
    public const int MinValues = 3;

    /// <summary>Share of the non-null sampled values that must pass for <c>values</c> evidence.</summary>
    public const double ValueShare = 0.8;

    /// <summary>Rows of the sample examined; the rest are ignored.</summary>
    public const int MaxRowsExamined = 1000;

    /// <inheritdoc />
    public string Name => "national_id";

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; } = [NationalIdLabels.NationalId];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultSample result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new List<ColumnClassification>();
        for (var index = 0; index < result.Columns.Count; index++)
        {
            if (Evidence(result, index) is { } evidence)
            {
                found.Add(new ColumnClassification(index, NationalIdLabels.NationalId, evidence));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<ColumnClassification>>(found);
    }

    private static string? Evidence(ResultSample result, int index)
    {
        var column = result.Columns[index];
        return ValuesPass(result.Rows, index) ? "values"
            : ColumnName.IsNationalId(column.Name) ? "name"
            : column.Sources.Any(source => ColumnName.IsNationalId(source.Column)) ? "provenance"
            : null;
    }

    private static bool ValuesPass(IReadOnlyList<IReadOnlyList<object?>> rows, int index)
    {
        int seen = 0, valid = 0;
        foreach (var row in rows.Take(MaxRowsExamined))
        {
            var value = index < row.Count ? row[index] : null;
            if (value is null or DBNull)
            {
                continue;
            }

            seen++;
            if (Bsn.IsValid(value))
            {
                valid++;
            }
        }

        return seen >= MinValues && valid >= ValueShare * seen;
    }
}
