using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>libpg_query's <c>PgQueryParseResult</c> (x64: 24 bytes); free with <c>pg_query_free_parse_result</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryParseResult
{
    public byte* ParseTree;
    public nint StderrBuffer;
    public PgQueryError* Error;
}
