using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// Finds a plugin folder's plugin assembly, and the SqlProxy.Sdk version it was built against, from metadata alone:
/// nothing is loaded before the version is known to be compatible.
/// </summary>
internal static class PluginAssemblyInspector
{
    public const string SdkAssemblyName = "SqlProxy.Sdk";

    /// <summary>The one assembly of the folder that references SqlProxy.Sdk, and the SDK version it references.</summary>
    /// <exception cref="PluginLoadException">There is none, or more than one.</exception>
    public static (string Path, Version SdkVersion) Inspect(string folder)
    {
        var dlls = Directory.GetFiles(folder, "*.dll")
            .Where(path => !Path.GetFileNameWithoutExtension(path).Equals(SdkAssemblyName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (dlls.Length == 0) throw new PluginLoadException("the folder holds no .dll");
        var candidates = dlls
            .Select(path => (Path: path, SdkVersion: SdkReference(path)))
            .Where(candidate => candidate.SdkVersion is not null)
            .ToArray();
        return candidates.Length switch
        {
            0 => throw new PluginLoadException($"no assembly in the folder references {SdkAssemblyName}, so none can hold a plugin"),
            1 => (candidates[0].Path, candidates[0].SdkVersion!),
            _ => throw new PluginLoadException(
                $"{candidates.Length} assemblies reference {SdkAssemblyName} ({string.Join(", ", candidates.Select(c => $"`{Path.GetFileName(c.Path)}`"))}), but a plugin folder holds one plugin assembly"),
        };
    }

    /// <summary>The version of SqlProxy.Sdk the assembly references; null when it references none or is no .NET assembly.</summary>
    private static Version? SdkReference(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return null;
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                if (metadata.GetString(reference.Name) == SdkAssemblyName) return reference.Version;
            }
            return null;
        }
        catch (BadImageFormatException)
        {
            // A native library beside the plugin: not a candidate.
            return null;
        }
    }
}
