using FsCheck;
using FsCheck.Fluent;

namespace SqlProxy.Analysis.Tests.Properties;

/// <summary>Generators of SQL for the properties.</summary>
internal static class SqlGenerators
{
    /// <summary>Valid statements whose tokens are separated by single spaces (no space inside a token).</summary>
    public static readonly string[] Statements =
    [
        "SELECT c.name , o.amount FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'paid' LIMIT 10",
        "SELECT * FROM customers WHERE region IN ( SELECT region FROM customers GROUP BY region HAVING count(*) > 1 )",
        "WITH big AS ( SELECT customer_id , sum(amount) AS total FROM orders GROUP BY customer_id ) SELECT c.email , b.total FROM customers c JOIN big b ON b.customer_id = c.id",
        "INSERT INTO orders ( customer_id , amount ) SELECT id , 1 FROM customers ON CONFLICT ( id ) DO UPDATE SET amount = excluded.amount RETURNING id",
        "UPDATE customers SET email = lower(email) FROM orders WHERE orders.customer_id = customers.id",
        "DELETE FROM orders USING customers WHERE orders.customer_id = customers.id AND customers.region = 'EU'",
        "MERGE INTO customers t USING sensitive_data s ON t.id = s.customer_id WHEN MATCHED THEN UPDATE SET name = s.notes",
        "SELECT email FROM customers UNION SELECT ssn FROM sensitive_data ORDER BY 1",
        "COPY customers ( id , email ) TO STDOUT",
        "CREATE VIEW v AS SELECT id , name FROM customers",
        "GRANT SELECT ON customers , orders TO analyst",
        "SELECT x.n FROM ( SELECT row_number() OVER ( PARTITION BY region ORDER BY created_at ) AS n FROM customers ) x",
    ];

    private static readonly string[] Separators = [" ", "  ", "\n", "\t", " /* note */ ", "/**/", " -- note\n", "\r\n  "];

    private static readonly string[] Vocabulary =
    [
        "SELECT", "FROM", "WHERE", "JOIN", "ON", "UNION", "WITH", "AS", "(", ")", ",", ";", "*", "=", "+", "'", "\"",
        "customers", "orders", "c.id", "email", "1", "$1", "--", "/*", "*/", "INSERT", "INTO", "VALUES", "DELETE", "UPDATE", "SET",
        "LATERAL", "RETURNING", "ON CONFLICT", "NULL", "::", "E'\\x'", "$$", "é", "😀", "\0", "\uD800",
    ];

    /// <summary>A valid statement with random whitespace and comments between its tokens, and the original.</summary>
    public static Arbitrary<(string Original, string Respaced)> Respaced() =>
        (from statement in Gen.Elements(Statements)
         let tokens = statement.Split(' ')
         from separators in Gen.ArrayOf(Gen.Elements(Separators), tokens.Length - 1)
         select (statement, tokens[0] + string.Concat(separators.Select((s, i) => s + tokens[i + 1]))))
        .ToArbitrary();

    /// <summary>An identifier spelled in a random mix of upper and lower case.</summary>
    public static Gen<string> AnyCase(string identifier) =>
        Gen.ArrayOf(Gen.Elements(true, false), identifier.Length)
            .Select(upper => string.Concat(identifier.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c)));

    /// <summary>Token soup: mostly invalid SQL, close enough to valid to reach the parser's corners.</summary>
    public static Arbitrary<string> TokenSoup() =>
        Gen.ListOf(Gen.Elements(Vocabulary)).Select(tokens => string.Join(" ", tokens)).ToArbitrary();

    /// <summary>Valid statements, token soup and arbitrary strings.</summary>
    public static Arbitrary<string> AnySql() =>
        Gen.OneOf(Gen.Elements(Statements), TokenSoup().Generator, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))
            .ToArbitrary();
}
