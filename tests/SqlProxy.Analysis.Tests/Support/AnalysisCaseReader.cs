namespace SqlProxy.Analysis.Tests.Support;

/// <summary>
/// Reads a case file. A case starts with <c>=== title</c>, then <c>sql:</c> (continued on indented
/// lines), an optional <c>schema: unknown</c>, and the expected lines (<c>kind:</c>, <c>access:</c>,
/// <c>project:</c>, …, or a single <c>error:</c>); <c>---</c> starts the next statement's lines.
/// Only the kinds of lines a case lists are compared, but all of that kind, in order.
/// Lines starting with <c>#</c> are comments.
/// </summary>
internal static class AnalysisCaseReader
{
    public static IReadOnlyList<AnalysisCase> Read(string path)
    {
        var cases = new List<AnalysisCase>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("=== ", StringComparison.Ordinal))
            {
                cases.Add(ReadCase(Path.GetFileName(path), lines, ref i));
            }
            else if (lines[i].Trim().Length > 0 && !lines[i].StartsWith('#'))
            {
                throw new FormatException($"{path}:{i + 1}: expected `=== title`, found `{lines[i]}`");
            }
        }

        return cases;
    }

    private static AnalysisCase ReadCase(string file, string[] lines, ref int i)
    {
        var title = lines[i]["=== ".Length..].Trim();
        var start = i + 1;
        var sql = new List<string>();
        var unknownSchema = false;
        var statements = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        while (i + 1 < lines.Length && !lines[i + 1].StartsWith("=== ", StringComparison.Ordinal))
        {
            var line = lines[++i];
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("sql:", StringComparison.Ordinal))
            {
                sql.Add(line["sql:".Length..].Trim());
                while (i + 1 < lines.Length && lines[i + 1].Length > 0 && char.IsWhiteSpace(lines[i + 1][0]))
                {
                    sql.Add(lines[++i].Trim());
                }
            }
            else if (line == "schema: unknown")
            {
                unknownSchema = true;
            }
            else if (line == "---")
            {
                statements.Add(current);
                current = [];
            }
            else
            {
                current.Add(line.TrimEnd());
            }
        }

        statements.Add(current);
        var isError = statements is [[var only]] && only.StartsWith("error:", StringComparison.Ordinal);
        if (sql.Count == 0 || (!isError && statements.Any(s => !s.Any(l => l.StartsWith("kind:")) || !s.Any(l => l.StartsWith("access:")))))
        {
            throw new FormatException($"{file}:{start}: `{title}` needs `sql:` and, per statement, `kind:` and `access:` lines (or one `error:` line)");
        }

        return new AnalysisCase(title, file, start, string.Join("\n", sql), unknownSchema, statements);
    }
}
