namespace SqlProxy.Sdk;

/// <summary>Labels the columns of a query result that hold personal or sensitive data.</summary>
public interface IClassifier
{
    /// <summary>The classifier's name, as reported in classifications and logs.</summary>
    string Name { get; }

    /// <summary>
    /// Every label this classifier can give (e.g. <c>PII.Email</c>). Rules may mask by these labels; a rule naming a
    /// label no classifier declares is refused when the rules load.
    /// </summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Classifies the columns of one result.</summary>
    /// <param name="result">The result's columns, their provenance and a sample of its rows.</param>
    /// <param name="cancellationToken">Cancelled when the request is abandoned.</param>
    /// <returns>Zero or more labels per column, each one of <see cref="Labels"/>; columns not mentioned are unclassified.</returns>
    ValueTask<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultSample result, CancellationToken cancellationToken);
}
