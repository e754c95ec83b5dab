using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>libpg_query's <c>PgQueryProtobufParseResult</c> (x64: 32 bytes); free with <c>pg_query_free_protobuf_parse_result</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryProtobufParseResult
{
    public PgQueryProtobuf ParseTree;
    public nint StderrBuffer;
    public PgQueryError* Error;
}
