using System.Reflection;
using System.Runtime.InteropServices;

namespace SqlProxy.Analysis.Native;

/// <summary>
/// Finds libpg_query. Debian's runtime package ships only the versioned file name, so it is tried
/// first; the unversioned name exists only with the -dev package.
/// </summary>
internal static class PgQueryLibrary
{
    public const string InstallAdvice = "libpg_query is not installed: apt-get install -y libpg-query1504.0";

    private static readonly string[] Candidates = ["libpg_query.so.1504.0", PgQueryNative.LibraryName];
    private static readonly Lazy<nint> Handle = new(() => Load(Candidates), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int resolverRegistered;

    /// <summary>Loads the library now, or throws <see cref="DllNotFoundException"/> with the install advice.</summary>
    public static void EnsureLoaded()
    {
        RegisterResolver();
        _ = Handle.Value;
    }

    public static void RegisterResolver()
    {
        if (Interlocked.Exchange(ref resolverRegistered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(PgQueryLibrary).Assembly, Resolve);
        }
    }

    /// <summary>The handle of the first candidate that loads.</summary>
    internal static nint Load(IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle)
                || NativeLibrary.TryLoad(candidate, typeof(PgQueryLibrary).Assembly, null, out handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(InstallAdvice);
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == PgQueryNative.LibraryName ? Handle.Value : 0;
}
