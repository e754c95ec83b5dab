using SqlProxy.Sdk;

namespace SqlProxy.Plugin;

/// <summary>
/// An example classifier: labels <see cref="Label"/> every result column named like the setting <c>column_name</c>
/// (default <c>secret</c>), or derived from a column of that name. Replace it with your own logic.
/// </summary>
public sealed class ExampleClassifier : IClassifier
{
    /// <summary>The label this classifier gives.</summary>
    public const string Label = "Example.Secret";

    /// <summary>The setting naming the column to label.</summary>
    public const string ColumnNameSetting = "column_name";

    /// <summary>The column labelled when the setting is absent.</summary>
    public const string DefaultColumnName = "secret";

    private readonly string _columnName;

    /// <summary>Creates the classifier.</summary>
    /// <param name="columnName">The column name to label, compared case-insensitively.</param>
    public ExampleClassifier(string columnName) => _columnName = columnName;

    /// <inheritdoc />
    public string Name => "example";

    /// <inheritdoc />
    public IReadOnlyList<string> Labels { get; } = [Label];

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultSample result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var found = new List<ColumnClassification>();
        for (var index = 0; index < result.Columns.Count; index++)
        {
            var column = result.Columns[index];
            if (IsNamed(column.Name))
            {
                found.Add(new ColumnClassification(index, Label, "name"));
            }
            else if (column.Sources.Any(source => IsNamed(source.Column)))
            {
                found.Add(new ColumnClassification(index, Label, "provenance"));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<ColumnClassification>>(found);
    }

    private bool IsNamed(string name) => string.Equals(name, _columnName, StringComparison.OrdinalIgnoreCase);
}
