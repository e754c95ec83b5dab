using System.Security.Cryptography;
using SqlProxy.Analysis.Rewriting;
using SqlProxy.Host.Masking;
using SqlProxy.Plugins.Maskers;
using SqlProxy.Rules.Validation;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Rules;

/// <summary>Builds the <see cref="RulesEnvironment"/> rules are validated against: databases, maskers, labels, predicates.</summary>
internal static class RulesEnvironments
{
    /// <param name="databases">The configured databases with their tables (null for one whose schema could not be read), or null without a configuration.</param>
    /// <param name="maskers">The maskers the proxy masks with, or null without a configuration (then every built-in one).</param>
    public static RulesEnvironment Create(IReadOnlyDictionary<string, IReadOnlyList<KnownTable>?>? databases, MaskerRegistry? maskers) => new()
    {
        Databases = databases,
        Maskers = MaskersFor(maskers),
        Labels = KnownLabels.All,
        CheckPredicate = RowFilterRewriter.CheckPredicate,
    };

    /// <summary>
    /// The proxy's maskers, and a stand-in for each built-in one it lacks: without <c>masking.hash_key</c> there is no
    /// <c>hash</c> masker and its columns are redacted (the proxy warns of that at start), but its arguments are still checked.
    /// </summary>
    private static IReadOnlyList<IMasker> MaskersFor(MaskerRegistry? registry)
    {
        // The stand-ins only check arguments; the key never masks anything.
        var builtIn = BuiltInMaskers.Create(RandomNumberGenerator.GetBytes(HashMasker.MinKeyLength));
        if (registry is null) return builtIn;
        var present = registry.Names.Select(name => registry.Find(name)!).ToArray();
        return [.. present, .. builtIn.Where(masker => registry.Find(masker.Name) is null)];
    }
}
