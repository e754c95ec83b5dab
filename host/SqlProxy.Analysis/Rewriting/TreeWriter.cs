using Google.Protobuf;
using PgQuery;
using SqlProxy.Analysis.Native;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>Turns a rewritten tree back into SQL with libpg_query's deparser, after checking (while serializing it) that it cannot crash it.</summary>
internal static class TreeWriter
{
    /// <exception cref="RowFilterException">The tree is malformed or the deparser refuses it.</exception>
    public static string Write(ParseResult tree)
    {
        var bytes = TreeSerializer.Serialize(tree, out var problem)
            ?? throw new RowFilterException($"the statement rewritten with row filters is malformed ({problem}), so it was not run");
        var sql = PgQueryDeparser.Deparse(bytes, out var error);
        return sql ?? throw new RowFilterException($"the statement rewritten with row filters cannot be turned back into SQL: {error?.Message}");
    }
}
