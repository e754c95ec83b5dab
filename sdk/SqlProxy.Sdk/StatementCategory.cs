namespace SqlProxy.Sdk;

/// <summary>The broad class a <see cref="StatementKind"/> belongs to.</summary>
public enum StatementCategory
{
    /// <summary>Reads data.</summary>
    Query,
    /// <summary>Changes data: INSERT, UPDATE, DELETE, MERGE, TRUNCATE, COPY.</summary>
    DataChange,
    /// <summary>Changes the schema or privileges.</summary>
    Definition,
    /// <summary>Session, transaction and maintenance commands.</summary>
    Utility,
}
