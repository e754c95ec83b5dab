// Replaced by the plugins helper.
using SqlProxy.Sdk;
namespace SqlProxy.Plugins.Classifiers;
/// <summary>PII.Email, PII.Phone, … by column name, by sampled values, and by provenance.</summary>
public sealed class PiiClassifier : IClassifier
{
    public string Name => "pii";
    public ValueTask<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultSample result, CancellationToken cancellationToken) => throw new NotImplementedException();
}
