using SqlProxy.Host.Configuration;
using SqlProxy.Plugins.Maskers;
using SqlProxy.Sdk;

namespace SqlProxy.Host.Masking;

/// <summary>The maskers rules can name, by name. Without <c>masking.hash_key</c> there is no <c>hash</c> masker.</summary>
internal sealed class MaskerRegistry
{
    private readonly Dictionary<string, IMasker> byName;

    public MaskerRegistry(IEnumerable<IMasker> maskers) =>
        byName = maskers.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => byName.Keys.Order(StringComparer.Ordinal);

    public static MaskerRegistry BuiltIn(MaskingConfig config) => new(config.HashKey is { } key
        ? BuiltInMaskers.Create(key)
        : [new PartialMasker(), new RedactMasker(), new NullMasker(), new EmailDomainMasker()]);

    public IMasker? Find(string name) => byName.GetValueOrDefault(name);
}
