using SqlProxy.Sdk;

namespace SqlProxy.Analysis;

/// <summary>The analysis of a request's SQL: its statements in order, or the error that stopped it.</summary>
public sealed record SqlAnalysis(IReadOnlyList<StatementAnalysis> Statements, SqlError? Error)
{
    public bool Succeeded => Error is null;

    public static SqlAnalysis Failed(SqlError error) => new([], error);
}

/// <summary>Why SQL could not be analysed.</summary>
/// <param name="CursorPosition">1-based character position in the request's SQL, when known.</param>
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
