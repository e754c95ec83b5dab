using System.Text.RegularExpressions;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.AuditFile;

/// <summary>Reads a file sink's trail back as the verifier would: rotated files oldest first, then the active file.</summary>
internal static class AuditTrailFiles
{
    public static string[] RotatedFiles(string activePath)
    {
        var stem = Path.GetFileNameWithoutExtension(activePath);
        var extension = Path.GetExtension(activePath);
        return Directory.GetFiles(Path.GetDirectoryName(activePath)!, $"{stem}.*{extension}")
            .Where(file => Regex.IsMatch(Path.GetFileName(file), $"^{Regex.Escape(stem)}\\.\\d{{8}}T\\d{{9}}Z{Regex.Escape(extension)}$"))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static string[] AllLines(string activePath) =>
        [.. RotatedFiles(activePath).Append(activePath).Where(File.Exists).SelectMany(File.ReadAllLines)];

    /// <summary>Asserts the lines are one unbroken chain from entry 1 and returns its entries.</summary>
    public static AuditChainEntry[] AssertUnbrokenChain(IReadOnlyList<string> lines)
    {
        var entries = lines.Select(AuditChain.Parse).ToArray();
        var previousHash = AuditChain.GenesisHash;
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.True(entries[i].IsIntact, $"entry {i + 1} is not intact");
            Assert.Equal(i + 1, entries[i].Sequence);
            Assert.Equal(previousHash, entries[i].PreviousHash);
            previousHash = entries[i].Hash;
        }

        return entries;
    }

    public static string[] AuditIds(IEnumerable<AuditChainEntry> entries) => [.. entries.Select(e => e.ReadRecord().AuditId)];
}
