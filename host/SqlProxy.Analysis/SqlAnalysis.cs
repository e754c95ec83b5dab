using SqlProxy.Sdk;

namespace SqlProxy.Analysis;

/// <summary>The analysis of a request's SQL: its statements in order, or the error that stopped it.</summary>
public sealed record SqlAnalysis(IReadOnlyList<StatementAnalysis> Statements, SqlError? Error)
{
    public bool Succeeded => Error is null;

    public static SqlAnalysis Failed(SqlError error) => new([], error);
}

/// <summary>Why SQL could not be analysed.</summary>
/// <param name="Kind">What kind of failure it is.</param>
/// <param name="Message">One sentence: PostgreSQL's own message for syntax errors, else which check refused the SQL.</param>
/// <param name="CursorPosition">
/// 1-based character position in the request's SQL, when known, counted in .NET characters
/// (UTF-16 code units) so that <c>sql[CursorPosition - 1]</c> is where PostgreSQL stopped. It equals
/// PostgreSQL's own <c>cursorpos</c> unless the SQL holds characters beyond the Basic Multilingual Plane.
/// </param>
public sealed record SqlError(SqlErrorKind Kind, string Message, int? CursorPosition);

public enum SqlErrorKind
{
    /// <summary>PostgreSQL's parser refused it.</summary>
    Syntax,
    /// <summary>Longer than the configured maximum.</summary>
    TooLong,
    /// <summary>Nested deeper than the configured maximum.</summary>
    TooDeep,
    /// <summary>Not valid text: invalid UTF-8, lone surrogates, or a NUL character.</summary>
    InvalidText,
    /// <summary>No statement at all (empty or comments only).</summary>
    Empty,
}
