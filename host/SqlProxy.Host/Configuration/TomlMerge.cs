using Tomlyn.Model;

namespace SqlProxy.Host.Configuration;

/// <summary>
/// Merges an included file's tables into the configuration assembled so far: tables key by key, arrays of tables
/// (<c>[[databases]]</c>, <c>[[users]]</c>) appended. A key set in two files is an error naming both.
/// </summary>
internal static class TomlMerge
{
    public static void Into(TomlTable target, TomlTable source, string prefix, string file, ConfigOrigins origins, ConfigErrors errors)
    {
        foreach (var (key, value) in source)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (!target.TryGetValue(key, out var existing))
            {
                target[key] = value;
                origins.Record(path, file);
            }
            else if (existing is TomlTable existingTable && value is TomlTable table)
            {
                Into(existingTable, table, path, file, origins, errors);
            }
            else if (existing is TomlTableArray existingArray && value is TomlTableArray array)
            {
                foreach (var item in array)
                {
                    origins.Record($"{path}[{existingArray.Count}]", file);
                    existingArray.Add(item);
                }
            }
            else
            {
                var first = origins.FileOf(path);
                errors.AddLine(first == file
                    ? $"{path}: is set more than once in {file}"
                    : $"{path}: is set in both {first} and {file} (a key may be set in one file only; arrays of tables such as [[databases]] are concatenated)");
            }
        }
    }
}
