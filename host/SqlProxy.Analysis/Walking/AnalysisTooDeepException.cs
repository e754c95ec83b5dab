namespace SqlProxy.Analysis.Walking;

/// <summary>The walk ran out of stack: reported as <see cref="SqlErrorKind.TooDeep"/>, never a crash.</summary>
internal sealed class AnalysisTooDeepException() : Exception("The parse tree is nested too deeply to walk.");
