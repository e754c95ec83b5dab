using Npgsql;

namespace SqlProxy.PrivatePostgres;

/// <summary>Describes a failed SQL script: the file, the line and column PostgreSQL pointed at, and its message.</summary>
internal static class ScriptError
{
    /// <param name="statementIndex">Which of the script's statements failed (as Npgsql split it), or -1 when unknown.</param>
    /// <param name="statementCount">How many statements Npgsql split the script into.</param>
    public static string Describe(string file, string script, PostgresException error, int statementIndex, int statementCount)
    {
        var starts = SqlStatementStarts.Find(script);
        var start = statementIndex >= 0 && starts.Count == statementCount ? starts[statementIndex] : -1;
        var where = (start, error.Position) switch
        {
            ( >= 0, > 0) => At(script, start + error.Position - 1),
            ( >= 0, _) => "in the statement at " + At(script, start),
            (_, > 0) when statementIndex >= 0 => $"at character {error.Position} of statement {statementIndex + 1}",
            _ => "",
        };
        var message = $"SQL script `{file}` failed{(where.Length > 0 ? " " + where : "")}: {error.MessageText} (SQLSTATE {error.SqlState})";
        if (!string.IsNullOrEmpty(error.Detail)) message += Environment.NewLine + "detail: " + error.Detail;
        if (!string.IsNullOrEmpty(error.Hint)) message += Environment.NewLine + "help: " + error.Hint;
        return message;
    }

    private static string At(string script, int offset)
    {
        offset = Math.Clamp(offset, 0, script.Length);
        var lineStart = offset == 0 ? 0 : script.LastIndexOf('\n', offset - 1) + 1;
        var line = 1 + script.AsSpan(0, offset).Count('\n');
        return $"at line {line}, column {offset - lineStart + 1}";
    }
}
