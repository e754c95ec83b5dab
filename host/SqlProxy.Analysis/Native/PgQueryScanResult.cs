using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>libpg_query's <c>PgQueryScanResult</c> (x64: 32 bytes): a serialized <c>pg_query.ScanResult</c>; free with <c>pg_query_free_scan_result</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryScanResult
{
    public PgQueryProtobuf Tokens;
    public nint StderrBuffer;
    public PgQueryError* Error;
}
