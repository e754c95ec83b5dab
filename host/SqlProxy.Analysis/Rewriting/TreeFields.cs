using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using PgQuery;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// The fields of parse-tree messages, from the protobuf descriptors, cached per type. A <see cref="Node"/> is a oneof of
/// ~250 fields: only the one it holds is returned.
/// </summary>
internal static class TreeFields
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> AllFields = new();
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]> MessageFields = new();

    /// <summary>For each oneof case of <see cref="Node"/> (its field number), that field alone.</summary>
    private static readonly FieldDescriptor[][] NodeCases = BuildNodeCases();

    /// <summary>Every field that may hold a value, in field-number order.</summary>
    public static FieldDescriptor[] All(IMessage message) =>
        message is Node node ? NodeCases[(int)node.NodeCase] : AllFields.GetOrAdd(message.Descriptor, d => [.. d.Fields.InFieldNumberOrder()]);

    /// <summary>The fields that may hold messages, in field-number order.</summary>
    public static FieldDescriptor[] Messages(IMessage message) =>
        message is Node node
            ? NodeCases[(int)node.NodeCase]
            : MessageFields.GetOrAdd(message.Descriptor, d => [.. d.Fields.InFieldNumberOrder().Where(f => f.FieldType == FieldType.Message)]);

    private static FieldDescriptor[][] BuildNodeCases()
    {
        var fields = Node.Descriptor.Fields.InFieldNumberOrder();
        var cases = new FieldDescriptor[fields.Max(f => f.FieldNumber) + 1][];
        Array.Fill(cases, []);
        foreach (var field in fields)
        {
            cases[field.FieldNumber] = [field];
        }

        return cases;
    }
}
