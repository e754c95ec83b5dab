namespace SqlProxy.Rules;

/// <summary>The text of one rules file and the path it is reported under (e.g. <c>rules/demo.rules</c>).</summary>
/// <param name="Path">The path diagnostics and decisions name the file by.</param>
/// <param name="Text">The file's text.</param>
public sealed record RuleSource(string Path, string Text);
