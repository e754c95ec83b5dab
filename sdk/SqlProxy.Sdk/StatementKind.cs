namespace SqlProxy.Sdk;

/// <summary>What a SQL statement does, as PostgreSQL's parser sees it.</summary>
public enum StatementKind
{
    /// <summary>A query: SELECT, VALUES, TABLE, or a read inside another statement.</summary>
    Select,
    /// <summary>INSERT.</summary>
    Insert,
    /// <summary>UPDATE.</summary>
    Update,
    /// <summary>DELETE.</summary>
    Delete,
    /// <summary>MERGE.</summary>
    Merge,
    /// <summary>TRUNCATE.</summary>
    Truncate,
    /// <summary>COPY to or from a client or server file.</summary>
    Copy,
    /// <summary>CREATE TABLE, CREATE TABLE AS, SELECT INTO.</summary>
    CreateTable,
    /// <summary>CREATE VIEW or CREATE MATERIALIZED VIEW.</summary>
    CreateView,
    /// <summary>CREATE INDEX.</summary>
    CreateIndex,
    /// <summary>CREATE SCHEMA.</summary>
    CreateSchema,
    /// <summary>CREATE SEQUENCE.</summary>
    CreateSequence,
    /// <summary>CREATE FUNCTION or CREATE PROCEDURE.</summary>
    CreateFunction,
    /// <summary>CREATE TRIGGER.</summary>
    CreateTrigger,
    /// <summary>CREATE EXTENSION.</summary>
    CreateExtension,
    /// <summary>CREATE ROLE, CREATE USER, CREATE GROUP.</summary>
    CreateRole,
    /// <summary>CREATE DATABASE.</summary>
    CreateDatabase,
    /// <summary>Any other CREATE (type, domain, policy, …).</summary>
    CreateOther,
    /// <summary>ALTER TABLE.</summary>
    AlterTable,
    /// <summary>Any other ALTER, including ALTER … RENAME.</summary>
    AlterOther,
    /// <summary>DROP of any object.</summary>
    Drop,
    /// <summary>COMMENT ON.</summary>
    Comment,
    /// <summary>GRANT of privileges or roles.</summary>
    Grant,
    /// <summary>REVOKE of privileges or roles.</summary>
    Revoke,
    /// <summary>EXPLAIN (its accesses are those of the statement it explains).</summary>
    Explain,
    /// <summary>BEGIN, COMMIT, ROLLBACK, SAVEPOINT.</summary>
    Transaction,
    /// <summary>SET or RESET.</summary>
    Set,
    /// <summary>SHOW.</summary>
    Show,
    /// <summary>CALL of a procedure.</summary>
    Call,
    /// <summary>DO (an anonymous code block).</summary>
    Do,
    /// <summary>LOCK.</summary>
    Lock,
    /// <summary>VACUUM or ANALYZE.</summary>
    Vacuum,
    /// <summary>Any other utility statement (PREPARE, EXECUTE, LISTEN, …).</summary>
    OtherUtility,
}
