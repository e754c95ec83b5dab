namespace SqlProxy.Rules;

/// <summary>A problem found in rules text, with its place: <c>path:line:column: message</c>, then an optional help line.</summary>
/// <param name="Path">The file, as given in <see cref="RuleSource.Path"/>.</param>
/// <param name="Line">The line, from 1 (0 when the problem is with the file as a whole).</param>
/// <param name="Column">The column, from 1 (0 when the problem is with the file as a whole).</param>
/// <param name="Message">One sentence; text from the rules is quoted in backticks.</param>
/// <param name="Help">Advice on fixing it, or null.</param>
public sealed record RuleDiagnostic(string Path, int Line, int Column, string Message, string? Help = null)
{
    /// <summary>The diagnostic as <c>path:line:column: message</c>, with <c>help: …</c> on a second line when there is help.</summary>
    public override string ToString() => Help is null ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}:{Line}:{Column}: {Message}\n  help: {Help}";
}
