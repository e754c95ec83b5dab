using System.Text.Json;
using SqlProxy.Analysis.Json;

namespace SqlProxy.Analysis.Walking;

/// <summary>
/// Reading libpg_query's JSON. A <c>Node*</c> field holds a wrapped node
/// (<c>{"ColumnRef": {…}}</c>); a field typed as a specific struct holds the bare body
/// (<c>"relation": {"relname": …}</c>). Fields equal to zero, false or "" are omitted.
/// </summary>
internal static class ParseTree
{
    /// <summary>Splits a wrapped node into its type name and body.</summary>
    public static bool TryUnwrap(ParseNode element, out string type, out ParseNode body)
    {
        if (element.TryGetSingleProperty(out type, out body) && type.Length > 0 && char.IsAsciiLetterUpper(type[0]))
        {
            return true;
        }

        type = "";
        body = default;
        return false;
    }

    /// <summary>The body of a node that may come wrapped as <paramref name="type"/> or bare.</summary>
    public static ParseNode BodyOf(ParseNode element, string type) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(type, out var body) ? body : element;

    /// <summary>Whether the element is a wrapped node of the given type.</summary>
    public static bool Is(ParseNode element, string type) =>
        TryUnwrap(element, out var actual, out _) && actual == type;

    public static bool TryGet(ParseNode body, string name, out ParseNode value)
    {
        value = default;
        return body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public static string? String(ParseNode body, string name) =>
        TryGet(body, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Bool(ParseNode body, string name) =>
        TryGet(body, name, out var value) && value.ValueKind == JsonValueKind.True;

    public static IEnumerable<ParseNode> Items(ParseNode body, string name) =>
        TryGet(body, name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    public static bool HasItems(ParseNode body, string name) =>
        TryGet(body, name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;

    /// <summary>The text of a <c>String</c> node, or null for any other node.</summary>
    public static string? StringNode(ParseNode node) =>
        TryUnwrap(node, out var type, out var body) && type == "String" ? String(body, "sval") ?? "" : null;

    /// <summary>The texts of a list of <c>String</c> nodes (other nodes are skipped).</summary>
    public static List<string> Strings(ParseNode body, string name)
    {
        var strings = new List<string>();
        foreach (var item in Items(body, name))
        {
            if (StringNode(item) is { } text)
            {
                strings.Add(text);
            }
        }

        return strings;
    }

    /// <summary>The names of a list of <c>ResTarget</c> nodes, as in <c>INSERT INTO t (a, b)</c>.</summary>
    public static List<string> TargetNames(ParseNode body, string name)
    {
        var names = new List<string>();
        foreach (var item in Items(body, name))
        {
            if (String(BodyOf(item, "ResTarget"), "name") is { } target)
            {
                names.Add(target);
            }
        }

        return names;
    }

    /// <summary>A bare or wrapped RangeVar, recognised by its <c>relname</c>.</summary>
    public static bool IsRangeVar(ParseNode element, out ParseNode body)
    {
        body = BodyOf(element, "RangeVar");
        return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("relname", out _);
    }
}
