namespace SqlProxy.Rules.Tests.Support;

/// <summary>
/// Reads <c>Cases/*.asv</c>: one case a line, <c>input ⇶ expected</c>; <c>//</c> starts a comment line;
/// <c>⏎</c> in an input stands for a line break.
/// </summary>
static class CaseFile
{
    public static IEnumerable<object[]> Read(string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Cases", name);
        foreach (var line in File.ReadAllLines(path))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                continue;
            var parts = line.Split('⇶');
            if (parts.Length != 2)
                throw new FormatException($"{name}: expected `input ⇶ expected`: {line}");
            yield return [parts[0].Trim().Replace("⏎", "\n", StringComparison.Ordinal), parts[1].Trim()];
        }
    }
}
