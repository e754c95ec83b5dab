using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>libpg_query's <c>PgQueryError</c> (x64: 40 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PgQueryError
{
    public nint Message;
    public nint FunctionName;
    public nint FileName;
    public int LineNumber;
    public int CursorPosition;
    public nint Context;
}
