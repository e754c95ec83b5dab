using Google.Protobuf;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// Checks nodes before they go to libpg_query's deparser, which trusts them and kills the process on some shapes the
/// parser never produces (shared/LIBPG_QUERY.md): a RangeVar with no name, a ColumnRef with no fields. The other checks
/// cover the nodes the rewriter builds itself. <see cref="TreeSerializer"/> applies it to every node it writes.
/// </summary>
internal static class TreeValidator
{
    /// <summary>What is wrong with <paramref name="message"/> itself (not its children), as a phrase, or null.</summary>
    public static string? ProblemOf(IMessage message) => message switch
    {
        RangeVar { Relname.Length: 0 } => "a relation without a name",
        ColumnRef columnRef when columnRef.Fields.Count == 0 => "a column reference without a name",
        ColumnRef columnRef when columnRef.Fields.Any(f => f.NodeCase is not (Node.NodeOneofCase.String or Node.NodeOneofCase.AStar)) =>
            "a column reference with a part that is not a name",
        RangeSubselect { Subquery: null or { NodeCase: Node.NodeOneofCase.None } } => "a subquery in FROM without a query",
        RangeSubselect { Alias: null or { Aliasname.Length: 0 } } => "a subquery in FROM without an alias",
        SubLink { Subselect: null or { NodeCase: Node.NodeOneofCase.None } } => "a subquery without a query",
        JoinExpr { Larg: null } or JoinExpr { Rarg: null } => "a join without two sides",
        BoolExpr boolExpr when boolExpr.Args.Count == 0 => "a boolean expression without arguments",
        A_Const { ValCase: A_Const.ValOneofCase.None, Isnull: false } => "a constant without a value",
        ResTarget { Val: null, Name.Length: 0 } => "an output column without a value",
        _ => null,
    };
}
