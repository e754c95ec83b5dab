namespace SqlProxy.Plugins.Tests.Classifiers;

/// <summary>A generated e-mail address that any reasonable validator accepts.</summary>
public sealed record ValidEmail(string Value)
{
    public override string ToString() => Value;
}
