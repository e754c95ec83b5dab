using SqlProxy.Rules.Tests.Support;

namespace SqlProxy.Rules.Tests;

public class CompilerTests
{
    [Fact]
    public void CountIsTheNumberOfRules()
    {
        var rules = RulesCompiler.Compile([new RuleSource("a.rules", "allow select on *; block drop on *;"), new RuleSource("b.rules", "# none\n")]);

        Assert.Equal(2, rules.Count);
        Assert.Equal(0, RuleSet.Empty.Count);
    }

    [Fact]
    public void VersionIsAShortHashOfTheTextsInOrderWithoutPaths()
    {
        RuleSource[] sources = [new("a.rules", "allow select on *;")];
        var version = RulesCompiler.Compile(sources).Version;

        Assert.Matches("^[0-9a-f]{12}$", version);
        Assert.Equal(version, RulesCompiler.Compile([new("a.rules", "allow select on *;")]).Version);
        Assert.NotEqual(version, RulesCompiler.Compile([new("a.rules", "allow select on * ;")]).Version);
        Assert.Equal(version, RulesCompiler.Compile([new("elsewhere/b.rules", "allow select on *;")]).Version);
        Assert.NotEqual(
            RulesCompiler.Compile([new("a", "allow select on *;"), new("b", "")]).Version,
            RulesCompiler.Compile([new("a", ""), new("b", "allow select on *;")]).Version);
        Assert.NotEqual(
            RulesCompiler.Compile([new("a", "allow select on *;"), new("b", "block drop on *;")]).Version,
            RulesCompiler.Compile([new("b", "block drop on *;"), new("a", "allow select on *;")]).Version);
    }

    [Fact]
    public void TryCompileCollectsTheProblemsOfEveryFile()
    {
        RuleSource[] sources =
        [
            new("rules/one.rules", "allow selct on *;\nallow select on *;"),
            new("rules/two.rules", "allow select on * when user.name = 'x';"),
        ];

        Assert.False(RulesCompiler.TryCompile(sources, out var rules, out var diagnostics));

        Assert.Null(rules);
        Assert.Equal(
            [
                new RuleDiagnostic("rules/one.rules", 1, 7, "`selct` is not an action", "did you mean `select`?"),
                new RuleDiagnostic("rules/two.rules", 1, 34, "`=` is not an operator", "try `==`"),
            ],
            diagnostics);
    }

    [Fact]
    public void CompileThrowsEveryProblemAtOnce()
    {
        var error = Assert.Throws<RulesException>(() => RulesCompiler.Compile(
            [new RuleSource("rules/demo.rules", "allow select on a.b.c.d.e;\nblock selct on *;")]));

        Assert.Equal(2, error.Diagnostics.Count);
        Assert.Equal(
            "rules/demo.rules:1:17: `a.b.c.d.e` has too many parts for a scope\n" +
            "  help: a scope is `*`, `database`, `database.schema`, `database.schema.table` or `database.schema.table.column`" +
            Environment.NewLine +
            "rules/demo.rules:2:7: `selct` is not an action\n  help: did you mean `select`?",
            error.Message);
    }

    [Fact]
    public void RuleNamesAreUniqueAcrossFiles()
    {
        var problems = RuleText.Problems(new RuleSource("a.rules", "rule 'x' allow select on *;"), new RuleSource("b.rules", "\nrule 'x' block select on *;"));

        Assert.Equal("b.rules:2:1: a rule named `x` is already defined at a.rules:1 (help: give each rule its own name)", problems);
    }

    [Fact]
    public void SuccessHasNoDiagnostics()
    {
        Assert.True(RulesCompiler.TryCompile([new RuleSource("a.rules", "allow all on testdb;")], out var rules, out var diagnostics));

        Assert.NotNull(rules);
        Assert.Empty(diagnostics);
    }
}
