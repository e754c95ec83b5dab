using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Classifiers;

/// <summary>One kind of personal data: its label, the column names that announce it and, when its values can be recognised, a validator.</summary>
/// <param name="Label">The label given.</param>
/// <param name="Names">Column names that announce it, in any relation.</param>
/// <param name="PeopleOnlyNames">Names that announce it only in a relation of people (<c>customers.name</c>, not <c>products.name</c>).</param>
/// <param name="IsValue">Whether a trimmed string value is one; null when values cannot tell.</param>
internal sealed record PiiKind(string Label, NamePattern[] Names, NamePattern[] PeopleOnlyNames, Func<string, bool>? IsValue)
{
    /// <summary>Last words of relation names that hold people.</summary>
    private static readonly string[] PeopleRelations =
    [
        "customer", "customers", "user", "users", "person", "persons", "people", "employee", "employees",
        "contact", "contacts", "client", "clients", "patient", "patients", "member", "members", "student", "students",
    ];

    public bool MatchesName(IReadOnlyList<string> columnWords) => Names.Any(pattern => pattern.Matches(columnWords));

    public bool MatchesSource(QualifiedColumn? source)
    {
        if (source is null)
        {
            return false;
        }

        var words = ColumnNameWords.Split(source.Column);
        if (MatchesName(words))
        {
            return true;
        }

        if (PeopleOnlyNames.Length == 0)
        {
            return false;
        }

        var relation = ColumnNameWords.Split(source.Relation?.Name);
        return relation.Count > 0
            && PeopleRelations.Contains(relation[^1])
            && PeopleOnlyNames.Any(pattern => pattern.Matches(words));
    }
}
