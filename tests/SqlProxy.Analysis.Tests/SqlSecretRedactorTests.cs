using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SqlProxy.Analysis.Tests;

/// <summary>Passwords in SQL never reach an audit record or a log: the redactor hides them, and only them.</summary>
public sealed class SqlSecretRedactorTests
{
    [Theory]
    [InlineData("CREATE ROLE app LOGIN PASSWORD 'hunter2secret'", "hunter2secret", "CREATE ROLE app LOGIN PASSWORD '********'")]
    [InlineData("alter user bob with encrypted password 'x''y-secret'", "y-secret", "alter user bob with encrypted password '********'")]
    [InlineData("CREATE USER MAPPING FOR bob SERVER s OPTIONS (user 'bob', password 'pw123456')", "pw123456", "CREATE USER MAPPING FOR bob SERVER s OPTIONS (user 'bob', password '********')")]
    [InlineData("SELECT dblink_connect('host=x password=sekret99 dbname=y')", "sekret99", "SELECT dblink_connect('host=x password=******** dbname=y')")]
    [InlineData("SELECT 'é'; ALTER ROLE x PASSWORD 'ü-secret-ü'", "ü-secret-ü", "SELECT 'é'; ALTER ROLE x PASSWORD '********'")]
    [InlineData("ALTER ROLE x PASSWORD 'unterminated secret", "unterminated secret", "ALTER ROLE x PASSWORD '********")]
    [InlineData("ALTER ROLE x PASSWORD 'ok' VALID UNTIL 'infinity' junk junk (", "'ok'", "ALTER ROLE x PASSWORD '********' VALID UNTIL 'infinity' junk junk (")]
    public void A_password_is_replaced_by_the_mask(string sql, string secret, string expected)
    {
        var redacted = SqlSecretRedactor.Redact(sql);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Equal(expected, redacted);
    }

    [Theory]
    [InlineData("SELECT name, email FROM customers WHERE id = 1")]
    [InlineData("SELECT password FROM users WHERE name = 'bob'")]
    [InlineData("ALTER ROLE x PASSWORD NULL")]
    [InlineData("UPDATE users SET password_hash = 'abc' WHERE id = 2")]
    public void Sql_without_a_password_value_is_unchanged(string sql) =>
        Assert.Equal(sql, SqlSecretRedactor.Redact(sql));

    [Property(MaxTest = 200)]
    public Property No_quoted_secret_survives(NonEmptyString secret)
    {
        var text = new string(secret.Get.Where(c => c is not ('\'' or '\0') && !char.IsSurrogate(c)).ToArray());
        var sql = $"ALTER ROLE app WITH LOGIN PASSWORD '{text}'";

        var redacted = SqlSecretRedactor.Redact(sql);

        return (redacted == "ALTER ROLE app WITH LOGIN PASSWORD '********'").ToProperty().Label(redacted);
    }
}
