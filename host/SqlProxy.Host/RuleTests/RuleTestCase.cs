using SqlProxy.Sdk;

namespace SqlProxy.Host.RuleTests;

/// <summary>One test of a <c>.rules.test</c> file: a request, and what the rules must make of it.</summary>
/// <param name="Name">The name after <c>test</c>.</param>
/// <param name="Path">The test file, as reported.</param>
/// <param name="Line">The line of <c>test</c>.</param>
/// <param name="User">Who asks (<c>user</c>).</param>
/// <param name="Database">The configured database asked (<c>database</c>).</param>
/// <param name="Sql">The SQL sent (<c>sql</c>).</param>
/// <param name="Time">When it is sent (<c>time</c>, UTC).</param>
/// <param name="ClientAddress">From where (<c>client</c>).</param>
/// <param name="Expectations">The <c>expect</c> lines, in order.</param>
internal sealed record RuleTestCase(
    string Name,
    string Path,
    int Line,
    UserIdentity User,
    string Database,
    string Sql,
    DateTimeOffset Time,
    string? ClientAddress,
    IReadOnlyList<Expectation> Expectations)
{
    /// <summary>The time of a test without a <c>time</c> line: a Monday at noon, UTC, so working-hours rules are deterministic.</summary>
    public static DateTimeOffset DefaultTime { get; } = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The client address of a test without a <c>client</c> line.</summary>
    public const string DefaultClientAddress = "127.0.0.1";

    /// <summary>The test as <c>path:line 'name'</c>.</summary>
    public override string ToString() => $"{Path}:{Line} '{Name}'";
}
