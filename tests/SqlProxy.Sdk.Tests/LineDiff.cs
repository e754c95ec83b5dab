using System.Text;

namespace SqlProxy.Sdk.Tests;

/// <summary>A line diff of two texts: <c>- </c> for lines only in the first, <c>+ </c> for lines only in the second, with a line of context.</summary>
static class LineDiff
{
    public static string Describe(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        // Longest common subsequence, from the end: lcs[i, j] is that of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var lines = new List<(char Mark, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', x + 1, a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { lines.Add(('+', x + 1, b[y])); y++; }
            else { lines.Add(('-', x + 1, a[x])); x++; }
        }

        var output = new StringBuilder();
        var lastShown = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - 1), Math.Min(lines.Count, k + 2) - Math.Max(0, k - 1)).Any(n => lines[n].Mark != ' ');
            if (!near) continue;
            if (lastShown >= 0 && k > lastShown + 1) output.AppendLine("  …");
            output.Append(lines[k].Mark).Append(' ').AppendLine(lines[k].Text);
            lastShown = k;
        }

        return output.ToString();
    }
}
