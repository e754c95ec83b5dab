namespace SqlProxy.Analysis.Native;

/// <summary>PostgreSQL's error for SQL it refused.</summary>
/// <param name="Message">PostgreSQL's message, e.g. <c>syntax error at or near "FORM"</c>.</param>
/// <param name="CodePointPosition">1-based position in Unicode code points, or 0 when unknown.</param>
internal sealed record NativeParseError(string Message, int CodePointPosition);
