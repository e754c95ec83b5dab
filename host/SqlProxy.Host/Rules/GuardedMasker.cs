using SqlProxy.Host.Plugins;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Rules;

/// <summary>
/// A plugin's masker as the rules validator sees it: its name read once, its argument check run within the plugin call
/// timeout, and a check that throws or hangs reported as a problem of the mask rather than failing the load.
/// It only checks: masking goes through the request's own plugin snapshot.
/// </summary>
internal sealed class GuardedMasker(IMasker masker, string name, int timeoutMs) : IMasker
{
    public string Name => name;

    /// <summary>The maskers whose names can be read; the first of a name wins, as it does when masking.</summary>
    public static IReadOnlyList<IMasker> Wrap(IEnumerable<IMasker> maskers, int timeoutMs)
    {
        var wrapped = new List<IMasker>();
        foreach (var masker in maskers)
        {
            string? name;
            try
            {
                name = PluginCall.Run(() => masker.Name, timeoutMs);
            }
            catch (Exception)
            {
                continue;
            }
            if (!string.IsNullOrEmpty(name) && wrapped.All(other => other.Name != name)) wrapped.Add(new GuardedMasker(masker, name, timeoutMs));
        }
        return wrapped;
    }

    public IReadOnlyList<string> ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        try
        {
            return PluginCall.Run(() => masker.ValidateArguments(arguments), timeoutMs) ?? [];
        }
        catch (Exception e)
        {
            return [$"the masker `{name}` could not check the arguments: {PluginFaults.Describe(e)}"];
        }
    }

    public object? Mask(object? value, IReadOnlyDictionary<string, string> arguments) =>
        throw new NotSupportedException("A guarded masker only checks arguments.");
}
