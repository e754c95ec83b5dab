using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Maskers;

/// <summary>The maskers SqlProxy ships with.</summary>
public static class BuiltInMaskers
{
    /// <summary>
    /// Creates <c>partial</c>, <c>hash</c>, <c>redact</c>, <c>null</c> and <c>email_domain</c>.
    /// </summary>
    /// <param name="hashKey">The secret key of the <c>hash</c> masker, at least <see cref="HashMasker.MinKeyLength"/> bytes.</param>
    /// <exception cref="ArgumentException">The key is null or too short.</exception>
    public static IReadOnlyList<IMasker> Create(byte[] hashKey) =>
        [new PartialMasker(), new HashMasker(hashKey), new RedactMasker(), new NullMasker(), new EmailDomainMasker()];
}
