namespace SqlProxy.Rules.Parsing;

/// <summary>Where an <c>include</c> points, worked out on reported paths (relative, with <c>/</c> separators).</summary>
static class IncludePaths
{
    /// <summary><c>("policy/a.rules", "../b.rules")</c> → <c>b.rules</c>.</summary>
    public static string Resolve(string includingPath, string included)
    {
        var slash = includingPath.LastIndexOf('/');
        var combined = (slash < 0 ? "" : includingPath[..(slash + 1)]) + included.Replace('\\', '/');
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part is "" or ".")
                continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else
                parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
