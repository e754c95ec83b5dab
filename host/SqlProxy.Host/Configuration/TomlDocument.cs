using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace SqlProxy.Host.Configuration;

/// <summary>
/// Reads one TOML file into a table. Tomlyn's own conversion keeps only the entries after the last interruption of
/// an array of tables (<c>[[users]]</c>, then <c>[server]</c>, then <c>[[users]]</c> again loses the first user) and
/// lets a repeated key silently win; so each <c>[table]</c> / <c>[[array]]</c> section is converted alone and the
/// sections merged (<see cref="TomlMerge"/>): arrays of tables keep every entry, and a key set twice is an error.
/// </summary>
internal static class TomlDocument
{
    /// <summary>The file's content as one table; problems other than syntax go to <paramref name="errors"/>.</summary>
    /// <param name="label">How the file is named in messages.</param>
    /// <exception cref="TomlException">The text is not valid TOML (the message has the line and column).</exception>
    public static TomlTable Read(string text, string label, ConfigErrors errors)
    {
        // Whole-text conversion first: its syntax errors carry the right line and column.
        var whole = TomlSerializer.Deserialize<TomlTable>(text, (TomlSerializerOptions?)null) ?? [];
        var syntax = SyntaxParser.Parse(text, label, false);
        if (!syntax.Tables.Any())
        {
            ReportRepeatedKeys(syntax.KeyValues, "", label, errors);
            return whole;
        }

        var merged = new TomlTable();
        var origins = new ConfigOrigins(label);
        var sectionStarts = syntax.Tables.Select(table => table.Span.Offset).Prepend(0).Append(text.Length).ToArray();
        for (var index = 0; index + 1 < sectionStarts.Length; index++)
        {
            var section = text[sectionStarts[index]..sectionStarts[index + 1]];
            var table = TomlSerializer.Deserialize<TomlTable>(section, (TomlSerializerOptions?)null) ?? [];
            TomlMerge.Into(merged, table, "", label, origins, errors);
        }

        ReportRepeatedKeys(syntax.KeyValues, "", label, errors);
        foreach (var table in syntax.Tables)
            ReportRepeatedKeys(table.Items.OfType<KeyValueSyntax>(), table.Name?.ToString().Trim() ?? "", label, errors);
        return merged;
    }

    private static void ReportRepeatedKeys(IEnumerable<KeyValueSyntax> keyValues, string table, string label, ConfigErrors errors)
    {
        foreach (var key in keyValues.Select(keyValue => keyValue.Key?.ToString().Trim() ?? "").GroupBy(key => key).Where(group => group.Count() > 1))
            errors.AddLine($"{(table.Length == 0 ? "" : table + ".")}{key.Key}: is set more than once in {label}");
    }
}
