using SqlProxy.Host.Commands;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

/// <summary>`sqlproxy rules check` without a configuration: everything but names against a database, and it says so.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sqlproxy-check-").FullName;

    [Fact]
    public async Task The_sample_rules_check_clean()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await RulesCheckCommand.CheckAsync([Path.Combine(RepositoryPaths.Samples, "rules")], null, output, errors, CancellationToken.None));
        Assert.Matches(@"^\d+ rules in 2 file\(s\) are valid \(version [0-9a-f]{12}\)\.\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("Not checked against a database: without --config, the names of databases, schemas, tables and columns are not checked.", output.ToString());
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public async Task Every_problem_is_listed_with_its_place()
    {
        var file = Path.Combine(directory, "bad.rules");
        File.WriteAllText(file, "allow selct on *;\nblock select on a.b.c.d.e;\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await RulesCheckCommand.CheckAsync([file], null, output, errors, CancellationToken.None));

        var lines = errors.ToString().Split('\n');
        Assert.Contains(lines, l => l.EndsWith("bad.rules:1:7: `selct` is not an action", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bad.rules:2:", StringComparison.Ordinal));
        Assert.Contains("2 problem(s) in 1 file(s).", errors.ToString());
    }

    [Fact]
    public async Task Maskers_and_labels_are_checked_without_a_database()
    {
        var file = Path.Combine(directory, "masks.rules");
        File.WriteAllText(file, "mask testdb.public.customers.email with parital(keep_last = 4);\nmask label 'PII.Emial' with redact;\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await RulesCheckCommand.CheckAsync([file], null, output, errors, CancellationToken.None));

        var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file).Replace('\\', '/');
        Assert.Equal(
            $"""
            {display}:1:41: `parital` is not a masker
              help: did you mean `partial`?
            {display}:2:1: `PII.Emial` is not a classification label
              help: did you mean `PII.Email`?
            2 problem(s) in 1 file(s).

            """,
            errors.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Warnings_are_listed_but_do_not_fail()
    {
        var file = Path.Combine(directory, "shadowed.rules");
        File.WriteAllText(file, "allow select on *;\nblock select on *;\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await RulesCheckCommand.CheckAsync([file], null, output, errors, CancellationToken.None));

        Assert.Contains("shadowed.rules:1:17: warning: ", errors.ToString());
        Assert.Contains("2 rules in 1 file(s) are valid and 1 warning(s)", output.ToString());
    }

    [Fact]
    public async Task A_missing_path_is_reported()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await RulesCheckCommand.CheckAsync([Path.Combine(directory, "none")], null, output, errors, CancellationToken.None));
        Assert.Contains("none", errors.ToString());
    }

    [Fact]
    public async Task A_configuration_that_does_not_load_is_reported()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await RulesCheckCommand.CheckAsync([], Path.Combine(directory, "missing.toml"), output, errors, CancellationToken.None));
        Assert.Contains("file not found", errors.ToString());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
