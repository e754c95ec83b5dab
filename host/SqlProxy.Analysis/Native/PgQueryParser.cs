using System.Buffers;
using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>Safe wrappers over libpg_query: copy what is needed out, free every result.</summary>
internal static unsafe class PgQueryParser
{
    /// <summary>
    /// Parses NUL-terminated UTF-8 SQL into libpg_query's JSON parse tree. On success the JSON is
    /// copied into <paramref name="json"/>, rented from <see cref="ArrayPool{T}.Shared"/>: the caller returns it.
    /// </summary>
    public static NativeParseError? Parse(ReadOnlySpan<byte> nulTerminatedUtf8, out byte[] json, out int jsonLength)
    {
        RequireTerminator(nulTerminatedUtf8);
        json = [];
        jsonLength = 0;
        fixed (byte* input = nulTerminatedUtf8)
        {
            var result = PgQueryNative.pg_query_parse(input);
            try
            {
                if (result.Error != null)
                {
                    return ReadError(result.Error);
                }

                var tree = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(result.ParseTree);
                json = ArrayPool<byte>.Shared.Rent(tree.Length);
                tree.CopyTo(json);
                jsonLength = tree.Length;
                return null;
            }
            finally
            {
                PgQueryNative.pg_query_free_parse_result(result);
            }
        }
    }

    /// <summary>libpg_query's fingerprint of one statement as hex, or null if it refuses the text.</summary>
    public static string? Fingerprint(ReadOnlySpan<byte> utf8Statement)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(utf8Statement.Length + 1);
        try
        {
            utf8Statement.CopyTo(buffer);
            buffer[utf8Statement.Length] = 0;
            fixed (byte* input = buffer)
            {
                var result = PgQueryNative.pg_query_fingerprint(input);
                try
                {
                    return result.Error != null || result.FingerprintText == null
                        ? null
                        : Marshal.PtrToStringUTF8((nint)result.FingerprintText);
                }
                finally
                {
                    PgQueryNative.pg_query_free_fingerprint_result(result);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static NativeParseError ReadError(PgQueryError* error) =>
        new(Marshal.PtrToStringUTF8(error->Message) ?? "unknown parse error", error->CursorPosition);

    private static void RequireTerminator(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text[^1] != 0 || text[..^1].Contains((byte)0))
        {
            throw new ArgumentException("SQL handed to libpg_query must be NUL-terminated and contain no other NUL byte.", nameof(text));
        }
    }
}
