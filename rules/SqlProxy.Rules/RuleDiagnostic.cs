namespace SqlProxy.Rules;

/// <summary>A problem found in rules text, with its place: <c>path:line:column: message</c>, then an optional help line.</summary>
/// <param name="Path">The file, as given in <see cref="RuleSource.Path"/>.</param>
/// <param name="Line">The line, from 1 (0 when the problem is with the file as a whole).</param>
/// <param name="Column">The column, from 1 (0 when the problem is with the file as a whole).</param>
/// <param name="Message">One sentence; text from the rules is quoted in backticks.</param>
/// <param name="Help">Advice on fixing it, or null.</param>
/// <param name="Severity">An error refuses the rules; a warning is reported and logged.</param>
public sealed record RuleDiagnostic(string Path, int Line, int Column, string Message, string? Help = null, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>The diagnostic as <c>path:line:column: message</c> (<c>warning: </c> before a warning's message), with <c>help: …</c> on a second line when there is help.</summary>
    public override string ToString()
    {
        var head = $"{Path}:{Line}:{Column}: {(Severity == DiagnosticSeverity.Warning ? "warning: " : "")}{Message}";
        return Help is null ? head : $"{head}\n  help: {Help}";
    }
}
