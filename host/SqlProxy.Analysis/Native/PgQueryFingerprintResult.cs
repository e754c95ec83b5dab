using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>libpg_query's <c>PgQueryFingerprintResult</c> (x64: 32 bytes); free with <c>pg_query_free_fingerprint_result</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryFingerprintResult
{
    public ulong Fingerprint;
    public byte* FingerprintText;
    public nint StderrBuffer;
    public PgQueryError* Error;
}
