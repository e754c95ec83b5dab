using System.Buffers;
using System.Text.Json;
using System.Text;
using SqlProxy.Analysis.Json;
using SqlProxy.Analysis.Native;
using SqlProxy.Analysis.Walking;
using SqlProxy.Sdk;

namespace SqlProxy.Analysis;

/// <summary>One analysis of validated SQL: native parse, JSON, one walk per statement.</summary>
internal static class SqlAnalysisRun
{
    public static SqlAnalysis Execute(string sql, int utf8Length, string database, DatabaseSchema schema, AnalysisLimits limits)
    {
        var input = ArrayPool<byte>.Shared.Rent(utf8Length + 1);
        try
        {
            var length = Encoding.UTF8.GetBytes(sql, input);
            input[length] = 0;
            var refused = PgQueryParser.Parse(input.AsSpan(0, length + 1), out var json, out var jsonLength);
            if (refused is not null)
            {
                return SqlAnalysis.Failed(new SqlError(SqlErrorKind.Syntax, refused.Message, TextPositions.FromCodePoints(sql, refused.CodePointPosition)));
            }

            try
            {
                return Analyse(input.AsSpan(0, length), json.AsMemory(0, jsonLength), database, schema, limits);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(json);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static SqlAnalysis Analyse(ReadOnlySpan<byte> sql, ReadOnlyMemory<byte> json, string database, DatabaseSchema schema, AnalysisLimits limits)
    {
        ParsedJson document;
        try
        {
            document = ParsedJson.Parse(json, limits.MaxDepth);
        }
        catch (JsonException)
        {
            // libpg_query writes valid JSON from valid UTF-8, so the only way to fail is depth.
            return TooDeep(limits);
        }

        var statements = ParseTree.Items(document.Root, "stmts").ToList();
        if (statements.Count == 0)
        {
            return SqlAnalysis.Failed(new SqlError(SqlErrorKind.Empty, "SQL contains no statement (it is empty or only comments)", null));
        }

        var analyses = new List<StatementAnalysis>(statements.Count);
        foreach (var raw in statements)
        {
            var text = Cut(sql, raw);
            var context = new WalkContext(database, schema);
            StatementShape shape;
            try
            {
                shape = context.Statements.Walk(ParseTree.TryGet(raw, "stmt", out var statement) ? statement : default);
            }
            catch (AnalysisTooDeepException)
            {
                return SqlAnalysis.Failed(new SqlError(SqlErrorKind.TooDeep, "SQL is nested too deeply to analyse on this thread's stack", null));
            }

            var fingerprint = PgQueryParser.Fingerprint(text) ?? "";
            analyses.Add(StatementAnalysisBuilder.Build(shape, context, Encoding.UTF8.GetString(text).Trim(), fingerprint));
        }

        return new SqlAnalysis([.. analyses], null);
    }

    /// <summary>A statement's own bytes: <c>stmt_location</c> and <c>stmt_len</c> are UTF-8 byte offsets; a length of 0 runs to the end.</summary>
    private static ReadOnlySpan<byte> Cut(ReadOnlySpan<byte> sql, ParseNode raw)
    {
        var start = ParseTree.TryGet(raw, "stmt_location", out var location) && location.TryGetInt32(out var at) ? Math.Clamp(at, 0, sql.Length) : 0;
        var length = ParseTree.TryGet(raw, "stmt_len", out var size) && size.TryGetInt32(out var count) && count > 0 ? count : sql.Length - start;
        return sql.Slice(start, Math.Clamp(length, 0, sql.Length - start));
    }

    private static SqlAnalysis TooDeep(AnalysisLimits limits) =>
        SqlAnalysis.Failed(new SqlError(SqlErrorKind.TooDeep, $"SQL is nested deeper than the limit of {limits.MaxDepth} levels (MaxDepth)", null));
}
