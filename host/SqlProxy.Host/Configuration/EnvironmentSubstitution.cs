using System.Text.RegularExpressions;

namespace SqlProxy.Host.Configuration;

/// <summary>Replaces <c>${NAME}</c> and <c>${NAME:-default}</c> in configuration strings.</summary>
internal static partial class EnvironmentSubstitution
{
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}")]
    private static partial Regex Placeholder();

    /// <summary>The substituted text, or null with <paramref name="missing"/> naming the first unset variable.</summary>
    public static string? Substitute(string text, Func<string, string?> environment, out string? missing)
    {
        string? firstMissing = null;
        var result = Placeholder().Replace(text, match =>
        {
            var value = environment(match.Groups["name"].Value);
            if (!string.IsNullOrEmpty(value)) return value;
            if (match.Groups["default"].Success) return match.Groups["default"].Value;
            firstMissing ??= match.Groups["name"].Value;
            return "";
        });
        missing = firstMissing;
        return missing is null ? result : null;
    }
}
