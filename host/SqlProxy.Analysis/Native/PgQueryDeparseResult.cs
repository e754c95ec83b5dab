using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>libpg_query's <c>PgQueryDeparseResult</c> (x64: 16 bytes); free with <c>pg_query_free_deparse_result</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryDeparseResult
{
    public byte* Query;
    public PgQueryError* Error;
}
