namespace NationalId;

/// <summary>The labels the national ID classifier gives.</summary>
public static class NationalIdLabels
{
    /// <summary>A column holding national identification numbers (here: Dutch BSNs).</summary>
    public const string NationalId = "PII.NationalId";
}
