// Public API of the rules library, fixed so the host can be written in parallel.
// The rules helper replaces this file with real implementations (one type per file) and deletes it.
using SqlProxy.Sdk;

namespace SqlProxy.Rules;

/// <summary>The text of one rules file and the path it is reported under (e.g. <c>rules/demo.rules</c>).</summary>
public sealed record RuleSource(string Path, string Text);

/// <summary>A problem found in rules text, with its place: <c>path:line:column: message</c>, then an optional help line.</summary>
public sealed record RuleDiagnostic(string Path, int Line, int Column, string Message, string? Help = null)
{
    public override string ToString() => Help is null ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}:{Line}:{Column}: {Message}\n  help: {Help}";
}

/// <summary>Thrown when rules text cannot be compiled; carries every problem found.</summary>
public sealed class RulesException(IReadOnlyList<RuleDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>Where a rule stands: its file and line (and its name when it has one).</summary>
public sealed record RuleReference(string Path, int Line, string? Name)
{
    public override string ToString() => $"{Path}:{Line}";
}

public enum Verdict { Allow, Block }

/// <summary>
/// The judgement of one statement. <see cref="Rule"/> is null when nothing matched (default deny).
/// <see cref="BlockedColumns"/> lists <c>schema.table.column</c> of the columns refused by column-level rules.
/// </summary>
public sealed record Decision(Verdict Verdict, RuleReference? Rule, string Reason, IReadOnlyList<string> BlockedColumns);

/// <summary>An immutable, compiled, indexed set of rules.</summary>
public sealed class RuleSet
{
    /// <summary>Content hash of the sources (hex, 12 characters): the version every audit record carries.</summary>
    public string Version => throw new NotImplementedException();

    public int Count => throw new NotImplementedException();

    /// <summary>Judges one statement for one request. Never throws for any statement.</summary>
    public Decision Decide(RequestInfo request, StatementAnalysis statement) => throw new NotImplementedException();
}

public static class RulesCompiler
{
    /// <summary>Compiles the sources into one rule set; throws <see cref="RulesException"/> with every problem.</summary>
    public static RuleSet Compile(IReadOnlyList<RuleSource> sources) => throw new NotImplementedException();

    public static bool TryCompile(IReadOnlyList<RuleSource> sources, out RuleSet? ruleSet, out IReadOnlyList<RuleDiagnostic> diagnostics) => throw new NotImplementedException();
}

public static class RuleSources
{
    /// <summary>
    /// Reads rules files: each path is a <c>.rules</c> file or a directory whose <c>*.rules</c> files are
    /// read in ordinal order. <paramref name="displayBase"/> is the directory paths are reported relative to.
    /// </summary>
    public static IReadOnlyList<RuleSource> Read(IEnumerable<string> paths, string displayBase) => throw new NotImplementedException();
}
