using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>
/// The libpg_query entry points used here. <c>pg_query_exit</c> is deliberately absent: it
/// crashes the process (see shared/LIBPG_QUERY.md).
/// </summary>
internal static unsafe class PgQueryNative
{
    public const string LibraryName = "pg_query";

    static PgQueryNative() => PgQueryLibrary.RegisterResolver();

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern PgQueryParseResult pg_query_parse(byte* input);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void pg_query_free_parse_result(PgQueryParseResult result);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern PgQueryFingerprintResult pg_query_fingerprint(byte* input);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void pg_query_free_fingerprint_result(PgQueryFingerprintResult result);

    /// <summary>Only the lexer: no recursion, so no stack hazard; works on SQL that does not parse.</summary>
    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern PgQueryScanResult pg_query_scan(byte* input);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void pg_query_free_scan_result(PgQueryScanResult result);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern PgQueryProtobufParseResult pg_query_parse_protobuf(byte* input);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void pg_query_free_protobuf_parse_result(PgQueryProtobufParseResult result);

    /// <summary>Segfaults on trees the parser would never produce (a RangeVar without a name, a ColumnRef without fields): validate first.</summary>
    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern PgQueryDeparseResult pg_query_deparse_protobuf(PgQueryProtobuf parseTree);

    [DllImport(LibraryName, CallingConvention = CallingConvention.Cdecl)]
    public static extern void pg_query_free_deparse_result(PgQueryDeparseResult result);
}
