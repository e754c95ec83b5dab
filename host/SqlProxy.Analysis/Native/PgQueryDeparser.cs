using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>Turns a serialized <c>pg_query.ParseResult</c> back into SQL with libpg_query's deparser.</summary>
internal static unsafe class PgQueryDeparser
{
    /// <summary>
    /// The SQL of <paramref name="parseResult"/>, or null with the library's error. The bytes must come from a tree the
    /// caller has validated: the deparser trusts them and crashes the process on some malformed trees.
    /// </summary>
    public static string? Deparse(ReadOnlySpan<byte> parseResult, out NativeParseError? error)
    {
        error = null;
        fixed (byte* data = parseResult)
        {
            var result = PgQueryNative.pg_query_deparse_protobuf(new PgQueryProtobuf { Length = (nuint)parseResult.Length, Data = data });
            try
            {
                if (result.Error != null)
                {
                    error = new NativeParseError(Marshal.PtrToStringUTF8(result.Error->Message) ?? "unknown deparse error", 0);
                    return null;
                }

                return Marshal.PtrToStringUTF8((nint)result.Query) ?? "";
            }
            finally
            {
                PgQueryNative.pg_query_free_deparse_result(result);
            }
        }
    }
}
