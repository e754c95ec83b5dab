namespace SqlProxy.Rules.Tests.Support;

/// <summary>Compiles rules text in tests.</summary>
static class RuleText
{
    public const string Path = "test.rules";

    public static RuleSet Compile(string text, string path = Path) => RulesCompiler.Compile([new RuleSource(path, text)]);

    /// <summary>Every diagnostic on one line each: <c>path:line:column: message (help: …)</c>, joined by <c> ¶ </c>.</summary>
    public static string Problems(params RuleSource[] sources)
    {
        if (RulesCompiler.TryCompile(sources, out _, out var diagnostics))
            return "(compiled)";
        return string.Join(" ¶ ", diagnostics.Select(d =>
            $"{d.Path}:{d.Line}:{d.Column}: {d.Message}" + (d.Help is null ? "" : $" (help: {d.Help})")));
    }

    public static string Problems(string text) => Problems(new RuleSource(Path, text));

    /// <summary>Every warning on one line each, as <see cref="Problems(RuleSource[])"/> writes problems; <c>(none)</c> when there is none.</summary>
    public static string Warnings(string text)
    {
        var warnings = Compile(text).Warnings;
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        return warnings.Count == 0
            ? "(none)"
            : string.Join(" ¶ ", warnings.Select(d => $"{d.Path}:{d.Line}:{d.Column}: {d.Message}" + (d.Help is null ? "" : $" (help: {d.Help})")));
    }
}
