using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>libpg_query's <c>PgQueryProtobuf</c> (x64: 16 bytes): a serialized <c>pg_query.ParseResult</c> and its length.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PgQueryProtobuf
{
    public nuint Length;
    public byte* Data;
}
