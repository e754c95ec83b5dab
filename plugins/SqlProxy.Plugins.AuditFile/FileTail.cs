using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SqlProxy.Plugins.AuditFile;

/// <summary>The end of a file, read backwards in blocks: never the whole file.</summary>
/// <param name="CompleteLength">The length up to and including the last line break: a longer file ends with a torn line.</param>
/// <param name="LastLine">The last non-empty line before <paramref name="CompleteLength"/>, without its line break; null when there is none.</param>
internal sealed record FileTail(long CompleteLength, string? LastLine)
{
    private const int BlockSize = 8192;

    public static FileTail Read(SafeFileHandle file)
    {
        var length = RandomAccess.GetLength(file);
        var lastBreak = LastIndexOfNewLine(file, length);
        if (lastBreak < 0) return new FileTail(0, null);

        var end = lastBreak;
        while (end >= 0)
        {
            var start = LastIndexOfNewLine(file, end) + 1;
            if (end > start) return new FileTail(lastBreak + 1, ReadText(file, start, end));
            end = start - 1;
        }

        return new FileTail(lastBreak + 1, null);
    }

    /// <summary>The offset of the last '\n' before <paramref name="before"/>, or -1.</summary>
    private static long LastIndexOfNewLine(SafeFileHandle file, long before)
    {
        var block = new byte[BlockSize];
        var end = before;
        while (end > 0)
        {
            var start = Math.Max(0, end - BlockSize);
            var span = block.AsSpan(0, (int)(end - start));
            ReadExactly(file, span, start);
            var index = span.LastIndexOf((byte)'\n');
            if (index >= 0) return start + index;
            end = start;
        }

        return -1;
    }

    private static string ReadText(SafeFileHandle file, long start, long end)
    {
        var bytes = new byte[checked((int)(end - start))];
        ReadExactly(file, bytes, start);
        return Encoding.UTF8.GetString(bytes);
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read == 0) throw new EndOfStreamException("the audit file shrank while it was read");
            buffer = buffer[read..];
            offset += read;
        }
    }
}
