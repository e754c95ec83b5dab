using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using SqlProxy.Host.Configuration;
using SqlProxy.Sdk;
using ContextLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace SqlProxy.Host.Plugins;

/// <summary>
/// Loads every folder of the built-in plugins directory, then of the operator's plugins directory, each into its own
/// collectible load context that shares only the SDK with the host; creates its plugin and asks it for its extensions.
/// A folder that fails is reported and the others load.
/// </summary>
internal sealed partial class PluginLoader(PluginsConfig config, TimeProvider time)
{
    /// <summary>Only SDK types cross the boundary; anything else shared would make casts fail or pin the context.</summary>
    private static readonly Type[] SharedTypes = [typeof(IPlugin)];

    /// <summary>
    /// Loads every folder, built-in ones first and each directory's in ordinal order of their names, so a duplicate
    /// name is settled the same way each time (the first keeps it).
    /// </summary>
    public async Task<(IReadOnlyList<LoadedPlugin> Loaded, IReadOnlyList<PluginFailure> Failures)> LoadAllAsync(CancellationToken cancellationToken)
    {
        var loaded = new List<LoadedPlugin>();
        var failures = new List<PluginFailure>();
        foreach (var (source, directory) in config.Directories())
        {
            if (!Directory.Exists(directory))
            {
                // The operator's directory may be created later (and is then watched); the built-in one ships with the host.
                if (source == PluginSources.BuiltIn)
                    failures.Add(new PluginFailure(directory, $"the built-in plugins directory {directory} does not exist: the host's build puts them there", source));
                continue;
            }
            foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                try
                {
                    loaded.Add(await LoadFolderAsync(folder, source, loaded, cancellationToken));
                }
                catch (PluginLoadException e)
                {
                    failures.Add(new PluginFailure(Path.GetFileName(folder), e.Message, source));
                }
            }
        }
        return (loaded, failures);
    }

    private async Task<LoadedPlugin> LoadFolderAsync(string folder, string source, IReadOnlyList<LoadedPlugin> loaded, CancellationToken cancellationToken)
    {
        var (assemblyPath, sdkVersion) = PluginAssemblyInspector.Inspect(folder);
        if (SdkCompatibility.Refusal(sdkVersion, SdkCompatibility.HostVersion) is { } refusal)
            throw new PluginLoadException($"`{Path.GetFileName(assemblyPath)}` cannot load: {refusal}");

        var loader = ContextLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, SharedTypes, c => c.LoadInMemory = true);
        try
        {
            var type = FindPluginType(loader, assemblyPath);
            var plugin = await WithTimeout(
                _ => PluginThread.Run(() => (IPlugin)Activator.CreateInstance(type)!),
                $"creating `{type.FullName}`", cancellationToken);
            var name = plugin.Name;
            if (name is null || !ValidName().IsMatch(name))
                throw new PluginLoadException($"`{type.FullName}` names itself `{name}`, but a plugin name is letters, digits, `_` and `-`");
            if (loaded.FirstOrDefault(other => other.Info.Name == name) is { } taken)
                throw new PluginLoadException($"the plugin name `{name}` is already taken by the plugin in {taken.Info.Source} folder `{taken.Info.Folder}`");

            var settings = config.SettingsFor(name);
            // A thread of its own: a plugin that blocks before its first await must not block the loader past the timeout.
            var extensions = await WithTimeout(
                token => PluginThread.Run(() => plugin.CreateExtensionsAsync(settings, token).AsTask()).Unwrap(),
                $"plugin `{name}` creating its extensions", cancellationToken);
            if (PluginKinds.Problem(extensions) is { } problem) throw new PluginLoadException($"plugin `{name}`: {problem}");
            var info = new PluginInfo(name, plugin.Version ?? "", Path.GetFileName(folder), PluginKinds.Of(extensions), time.GetUtcNow(), "loaded", source);
            return new LoadedPlugin(info, extensions, loader, new WeakReference(AssemblyLoadContext.GetLoadContext(type.Assembly)));
        }
        catch (Exception e)
        {
            // Whatever was loaded goes; a call still running (one that hung) keeps the context alive until it ends.
            loader.Dispose();
            if (e is PluginLoadException or OperationCanceledException) throw;
            throw new PluginLoadException(Describe(e));
        }
    }

    private static Type FindPluginType(ContextLoader loader, string assemblyPath)
    {
        Type[] types;
        try
        {
            types = loader.LoadDefaultAssembly().GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(t))
                .ToArray();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException)
        {
            throw new PluginLoadException($"`{Path.GetFileName(assemblyPath)}` cannot be loaded: {e.Message}");
        }
        return types.Length switch
        {
            1 => types[0],
            0 => throw new PluginLoadException($"`{Path.GetFileName(assemblyPath)}` has no public class implementing IPlugin"),
            _ => throw new PluginLoadException(
                $"`{Path.GetFileName(assemblyPath)}` has {types.Length} public classes implementing IPlugin ({string.Join(", ", types.Select(t => $"`{t.FullName}`"))}), but a plugin assembly has exactly one"),
        };
    }

    /// <summary>Runs a call into the plugin, abandoning it (and cancelling its token) past <c>call_timeout_ms</c>.</summary>
    private async Task<T> WithTimeout<T>(Func<CancellationToken, Task<T>> call, string what, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromMilliseconds(config.CallTimeoutMs);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellation.CancelAfter(timeout);
        try
        {
            return await call(cancellation.Token).WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new PluginLoadException($"{what} did not finish within {config.CallTimeoutMs} ms (plugins.call_timeout_ms)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PluginLoadException($"{what} did not finish within {config.CallTimeoutMs} ms (plugins.call_timeout_ms)");
        }
    }

    private static string Describe(Exception e)
    {
        var inner = e is TargetInvocationException { InnerException: { } cause } ? cause : e;
        return $"it failed with {inner.GetType().Name}: {inner.Message}";
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ValidName();
}
