using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>
/// Parses SQL into libpg_query's protobuf parse tree and hands the caller a stream over the library's own buffer (no
/// copy), freed when the caller returns. For typed trees this beats the JSON route: the library's protobuf output is
/// slower than its JSON, but Google.Protobuf reads binary several times faster than JSON.
/// </summary>
internal static unsafe class PgQueryProtobufParser
{
    /// <summary>The result of <paramref name="read"/> over the serialized <c>pg_query.ParseResult</c>, or default with PostgreSQL's error.</summary>
    public static T? Parse<T>(ReadOnlySpan<byte> nulTerminatedUtf8, Func<Stream, T> read, out NativeParseError? error)
    {
        if (nulTerminatedUtf8.IsEmpty || nulTerminatedUtf8[^1] != 0 || nulTerminatedUtf8[..^1].Contains((byte)0))
        {
            throw new ArgumentException("SQL handed to libpg_query must be NUL-terminated and contain no other NUL byte.", nameof(nulTerminatedUtf8));
        }

        fixed (byte* input = nulTerminatedUtf8)
        {
            var result = PgQueryNative.pg_query_parse_protobuf(input);
            try
            {
                if (result.Error != null)
                {
                    error = new NativeParseError(Marshal.PtrToStringUTF8(result.Error->Message) ?? "unknown parse error", result.Error->CursorPosition);
                    return default;
                }

                error = null;
                using var tree = new UnmanagedMemoryStream(result.ParseTree.Data, (long)result.ParseTree.Length);
                return read(tree);
            }
            finally
            {
                PgQueryNative.pg_query_free_protobuf_parse_result(result);
            }
        }
    }
}
