using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SqlProxy.Analysis.Rewriting;

/// <summary>
/// The message-typed children of any parse-tree message, found through the protobuf descriptors, so walkers need not
/// know each of libpg_query's ~250 node types. A <see cref="PgQuery.Node"/> yields only the one node its oneof holds.
/// A struct enumerator: walks allocate nothing per node (with deep trees, garbage makes every collection scan a deep stack).
/// </summary>
internal readonly struct ParseTreeChildren(IMessage message, int[] skippedFields)
{
    /// <summary>The children of <paramref name="message"/>, except those in the fields numbered in <paramref name="skippedFields"/>.</summary>
    public static ParseTreeChildren Of(IMessage message, params int[] skippedFields) => new(message, skippedFields);

    public Enumerator GetEnumerator() => new(message, TreeFields.Messages(message), skippedFields);

    /// <summary>Steps through the fields, and through the items of repeated ones.</summary>
    public struct Enumerator(IMessage message, FieldDescriptor[] fields, int[] skippedFields)
    {
        private int field = -1;
        private IList? items;
        private int item;

        public IMessage Current { get; private set; } = null!;

        public bool MoveNext()
        {
            while (true)
            {
                if (items is not null)
                {
                    while (item < items.Count)
                    {
                        if (items[item++] is IMessage child)
                        {
                            Current = child;
                            return true;
                        }
                    }

                    items = null;
                }

                if (++field >= fields.Length)
                {
                    return false;
                }

                var descriptor = fields[field];
                if (skippedFields.Length > 0 && Array.IndexOf(skippedFields, descriptor.FieldNumber) >= 0)
                {
                    continue;
                }

                var value = descriptor.Accessor.GetValue(message);
                if (value is IMessage single)
                {
                    Current = single;
                    return true;
                }

                if (descriptor.IsRepeated)
                {
                    items = (IList)value;
                    item = 0;
                }
            }
        }
    }
}
