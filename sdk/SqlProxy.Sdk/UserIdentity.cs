namespace SqlProxy.Sdk;

/// <summary>An authenticated user.</summary>
/// <param name="Name">The user's name.</param>
/// <param name="Roles">The roles the user holds.</param>
/// <param name="Attributes">Free-form attributes (e.g. <c>region</c>), for conditions and row filters.</param>
public sealed record UserIdentity(string Name, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, string> Attributes);
