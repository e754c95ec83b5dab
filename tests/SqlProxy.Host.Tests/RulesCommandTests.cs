using SqlProxy.Host.Commands;
using SqlProxy.Host.Tests.Support;

namespace SqlProxy.Host.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sqlproxy-check-").FullName;

    [Fact]
    public void The_sample_rules_check_clean()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, RulesCommand.Check([Path.Combine(RepositoryPaths.Samples, "rules")], output, errors));
        Assert.Contains("9 rules in 1 file(s) compile", output.ToString());
        Assert.Contains("Not checked: names against a live schema", output.ToString());
    }

    [Fact]
    public void Every_problem_is_listed_with_its_place()
    {
        var file = Path.Combine(directory, "bad.rules");
        File.WriteAllText(file, "allow selct on *;\nblock select on a.b.c.d.e;\n");
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, RulesCommand.Check([file], output, errors));

        var lines = errors.ToString().Split('\n');
        Assert.Contains(lines, l => l.EndsWith("bad.rules:1:7: `selct` is not an action", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bad.rules:2:", StringComparison.Ordinal));
        Assert.Contains("2 problem(s) in 1 file(s).", errors.ToString());
    }

    [Fact]
    public void A_missing_path_is_reported()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, RulesCommand.Check([Path.Combine(directory, "none")], output, errors));
        Assert.Contains("none", errors.ToString());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
