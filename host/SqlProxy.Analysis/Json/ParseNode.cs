using System.Buffers.Text;
using System.Text.Json;
using System.Text;

namespace SqlProxy.Analysis.Json;

/// <summary>A value of a <see cref="ParsedJson"/>: the subset of <see cref="JsonElement"/>'s API the walkers use.</summary>
internal readonly struct ParseNode
{
    private readonly ParsedJson? document;
    private readonly int index;

    internal ParseNode(ParsedJson document, int index)
    {
        this.document = document;
        this.index = index;
    }

    /// <summary><see cref="JsonValueKind.Undefined"/> for <c>default</c>, as for a missing property.</summary>
    public JsonValueKind ValueKind => document is null ? JsonValueKind.Undefined : document.Row(index).Type switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };

    public bool TryGetProperty(string name, out ParseNode value)
    {
        value = default;
        if (ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var end = document!.Row(index).End;
        for (var property = index + 1; property < end; property = document.Row(property + 1).End)
        {
            if (NameEquals(property, name))
            {
                value = new ParseNode(document, property + 1);
                return true;
            }
        }

        return false;
    }

    /// <summary>The only property of an object that has exactly one.</summary>
    public bool TryGetSingleProperty(out string name, out ParseNode value)
    {
        name = "";
        value = default;
        if (ValueKind != JsonValueKind.Object || index + 1 >= document!.Row(index).End || document.Row(index + 2).End != document.Row(index).End)
        {
            return false;
        }

        name = Text(index + 1);
        value = new ParseNode(document, index + 2);
        return true;
    }

    /// <summary>The values of an object's properties, in order.</summary>
    public IEnumerable<ParseNode> EnumeratePropertyValues()
    {
        if (ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var end = document!.Row(index).End;
        for (var property = index + 1; property < end; property = document.Row(property + 1).End)
        {
            yield return new ParseNode(document, property + 1);
        }
    }

    public IEnumerable<ParseNode> EnumerateArray()
    {
        if (ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var end = document!.Row(index).End;
        for (var item = index + 1; item < end; item = document.Row(item).End)
        {
            yield return new ParseNode(document, item);
        }
    }

    public int GetArrayLength() => EnumerateArray().Count();

    public string? GetString() => ValueKind == JsonValueKind.String ? Text(index) : null;

    public bool TryGetInt32(out int value)
    {
        value = 0;
        return ValueKind == JsonValueKind.Number && Utf8Parser.TryParse(document!.Bytes(index), out value, out var used) && used == document.Row(index).Length;
    }

    public bool TryGetInt64(out long value)
    {
        value = 0;
        return ValueKind == JsonValueKind.Number && Utf8Parser.TryParse(document!.Bytes(index), out value, out var used) && used == document.Row(index).Length;
    }

    private bool NameEquals(int row, string name)
    {
        var bytes = document!.Bytes(row);
        if (document.Row(row).Escaped)
        {
            return Text(row) == name;
        }

        if (bytes.Length != name.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    private string Text(int row)
    {
        if (!document!.Row(row).Escaped)
        {
            return Encoding.UTF8.GetString(document.Bytes(row));
        }

        var reader = new Utf8JsonReader(document.QuotedBytes(row));
        reader.Read();
        return reader.GetString() ?? "";
    }
}
