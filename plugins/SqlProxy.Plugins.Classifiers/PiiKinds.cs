namespace SqlProxy.Plugins.Classifiers;

/// <summary>The kinds of personal data <see cref="PiiClassifier"/> looks for, in the order labels are reported.</summary>
internal static class PiiKinds
{
    private static readonly string[] NumberWords = ["number", "no", "num", "nr", "nbr"];

    /// <summary>Words before <c>address</c> that make it something other than a postal address.</summary>
    private static readonly string[] NotPostal =
    [
        "ip", "ipv4", "ipv6", "mac", "email", "mail", "web", "url", "client", "remote", "server", "host",
        "network", "wallet", "memory", "bitcoin", "btc", "eth", "contract", "node", "bind", "listen", "proxy",
    ];

    public static IReadOnlyList<PiiKind> All { get; } =
    [
        new(PiiLabels.Email,
            [Pattern("email", ["address", "addr"]), Pattern("e mail", ["address", "addr"]), Pattern("emailaddress"), Pattern("emailaddr")],
            [],
            EmailValidator.IsEmail),
        new(PiiLabels.Phone,
            [
                Pattern("phone", NumberWords), Pattern("telephone", NumberWords), Pattern("tel", NumberWords),
                Pattern("mobile", NumberWords), Pattern("cellphone", NumberWords), Pattern("fax", NumberWords),
                Pattern("phonenumber"), Pattern("msisdn"),
            ],
            [],
            PhoneValidator.IsPhone),
        new(PiiLabels.Ssn,
            [Pattern("ssn", NumberWords), Pattern("social security", NumberWords), Pattern("socialsecurity", NumberWords), Pattern("socialsecuritynumber")],
            [],
            SsnValidator.IsSsn),
        new(PiiLabels.CreditCard,
            [
                Pattern("credit card", NumberWords), Pattern("creditcard", NumberWords), Pattern("debit card", NumberWords),
                Pattern("card number"), Pattern("card no"), Pattern("card num"), Pattern("cardnumber"),
                Pattern("cc number"), Pattern("cc no"), Pattern("cc num"), Pattern("ccnumber"),
            ],
            [],
            CreditCardValidator.IsCardNumber),
        new(PiiLabels.Name,
            [
                Pattern("first name"), Pattern("last name"), Pattern("full name"), Pattern("given name"), Pattern("family name"),
                Pattern("middle name"), Pattern("maiden name"), Pattern("firstname"), Pattern("lastname"), Pattern("fullname"),
                Pattern("surname"), Pattern("forename"), Pattern("customer name"), Pattern("contact name"),
                Pattern("person name"), Pattern("employee name"), Pattern("patient name"), Pattern("holder name"),
                Pattern("cardholder name"),
            ],
            [new NamePattern(["name"], [], [], WholeName: true)],
            null),
        new(PiiLabels.Address,
            [
                new NamePattern(["address"], ["line"], NotPostal), new NamePattern(["addr"], ["line"], NotPostal),
                Pattern("street", ["address", "addr", "line"]), Pattern("streetaddress"),
            ],
            [],
            null),
        new(PiiLabels.BirthDate,
            [Pattern("birth date"), Pattern("date of birth"), Pattern("birthdate"), Pattern("birthday"), Pattern("dob"), Pattern("birth dt")],
            [],
            null),
    ];

    private static NamePattern Pattern(string phrase, string[]? suffixes = null) =>
        new(phrase.Split(' '), suffixes ?? [], []);
}
