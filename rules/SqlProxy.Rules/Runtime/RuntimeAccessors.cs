using SqlProxy.Sdk;

namespace SqlProxy.Rules.Runtime;

/// <summary>Reads facts about the request; compiled conditions call these.</summary>
static class RuntimeAccessors
{
    public static bool HasRole(RequestInfo request, string role)
    {
        var roles = request.User.Roles;
        for (var i = 0; i < roles.Count; i++)
        {
            if (string.Equals(roles[i], role, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>The attribute's value, or null when the user does not have it.</summary>
    public static string? Attribute(RequestInfo request, string key) =>
        request.User.Attributes is { } attributes && attributes.TryGetValue(key, out var value) ? value : null;
}
