namespace SqlProxy.Plugins.Classifiers;

/// <summary>The labels <see cref="PiiClassifier"/> gives.</summary>
public static class PiiLabels
{
    /// <summary>An e-mail address.</summary>
    public const string Email = "PII.Email";

    /// <summary>A telephone number.</summary>
    public const string Phone = "PII.Phone";

    /// <summary>A US social security number.</summary>
    public const string Ssn = "PII.SSN";

    /// <summary>A payment card number.</summary>
    public const string CreditCard = "PII.CreditCard";

    /// <summary>A person's name.</summary>
    public const string Name = "PII.Name";

    /// <summary>A postal address.</summary>
    public const string Address = "PII.Address";

    /// <summary>A date of birth.</summary>
    public const string BirthDate = "PII.BirthDate";
}
