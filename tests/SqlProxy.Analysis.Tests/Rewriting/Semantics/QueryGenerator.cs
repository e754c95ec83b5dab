using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace SqlProxy.Analysis.Tests.Rewriting.Semantics;

/// <summary>
/// Random statements over the row-filter schema: SELECTs with joins of every kind, derived tables, subqueries in WHERE,
/// CTEs (some named like a table, shadowing it), set operations and aggregates; UPDATE and DELETE with FROM/USING.
/// Every query returns two columns, <c>k</c> (integer) and <c>t</c> (text), so any two can be combined. Aliases are
/// built from the position in the tree, so they never clash.
/// </summary>
internal static class QueryGenerator
{
    private static readonly string[] TextConstants = ["'north'", "'south'", "'x'' OR ''1''=''1'", "'open'"];

    public static Gen<Fragment> Statement() =>
        Gen.Frequency((5, Query(2, "q", [])), (1, DataChange()));

    /// <summary>Queries returning the id of a customers row read directly, through any joins and conditions.</summary>
    public static Gen<Fragment> CustomerReads() =>
        from source in From(2, "q", []).Where(item => item.CustomerIds.Count > 0)
        from id in Pick(source.CustomerIds)
        from condition in Optional(Condition(1, "w", [], source))
        select Fragment.Of($"SELECT {id} AS id FROM {source.Sql}{Where(condition)}", monotone: false);

    private static Gen<Fragment> Query(int depth, string path, ImmutableList<string> ctes) =>
        depth <= 0
            ? Select(0, path, ctes)
            : Gen.Frequency(
                (4, Select(depth, path, ctes)),
                (1, Aggregate(depth, path, ctes)),
                (1, SetOperation(depth, path, ctes)),
                (2, With(depth, path, ctes)));

    private static Gen<Fragment> Select(int depth, string path, ImmutableList<string> ctes) =>
        from source in From(depth, path + "f", ctes)
        from condition in Optional(Condition(depth, path + "w", ctes, source))
        from distinct in Gen.Elements("", "DISTINCT ")
        from k in Pick(source.Integers)
        from t in Pick(source.Texts)
        select new Fragment(
            $"SELECT {distinct}{k} AS k, {t} AS t FROM {source.Sql}{(condition is null ? "" : " WHERE " + condition.Sql)}",
            source.Monotone && (condition?.Monotone ?? true), [], []);

    private static Gen<Fragment> Aggregate(int depth, string path, ImmutableList<string> ctes) =>
        from source in From(depth - 1, path + "f", ctes)
        from t in Pick(source.Texts)
        from grouped in Gen.Elements(true, false)
        select Fragment.Of(
            grouped
                ? $"SELECT count(*)::int AS k, {t} AS t FROM {source.Sql} GROUP BY {t}"
                : $"SELECT count(*)::int AS k, max({t}) AS t FROM {source.Sql}",
            monotone: false);

    private static Gen<Fragment> SetOperation(int depth, string path, ImmutableList<string> ctes) =>
        from left in Query(depth - 1, path + "l", ctes)
        from right in Query(depth - 1, path + "r", ctes)
        from op in Gen.Elements("UNION", "UNION ALL", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL")
        select Fragment.Of($"({left.Sql}) {op} ({right.Sql})", left.Monotone && right.Monotone && !op.StartsWith("EXCEPT", StringComparison.Ordinal));

    /// <summary>
    /// A CTE, often named like a table: like customers (shadowing it) or like regions, which a predicate reads (and which
    /// must not capture it). The body reads it through a derived table, since a body may itself start with WITH.
    /// </summary>
    private static Gen<Fragment> With(int depth, string path, ImmutableList<string> ctes) =>
        from name in Gen.Elements("w", "customers", "orders", "regions")
        from definition in Query(depth - 1, path + "d", ctes)
        from body in Query(depth - 1, path + "b", ctes.Add(name))
        select Fragment.Of($"WITH {name} AS ({definition.Sql}) SELECT * FROM ({body.Sql}) {path}", definition.Monotone && body.Monotone);

    private static Gen<Fragment> From(int depth, string path, ImmutableList<string> ctes) =>
        depth <= 0
            ? Table(path, ctes)
            : Gen.Frequency((3, Table(path, ctes)), (1, Derived(depth, path, ctes)), (2, Join(depth, path, ctes)));

    /// <summary>A table or a CTE in scope; an unqualified name that is a CTE in scope means the CTE, with columns k and t.</summary>
    private static Gen<Fragment> Table(string alias, ImmutableList<string> ctes) =>
        from name in Gen.Elements(ctes.AddRange(["customers", "orders", "customers", "orders", "public.customers", "public.orders"]).ToArray())
        select ctes.Contains(name) ? new Fragment($"{name} {alias}", true, [$"{alias}.k"], [$"{alias}.t"])
            : name.EndsWith("customers", StringComparison.Ordinal)
                ? new Fragment($"{name} {alias}", true, [$"{alias}.id", $"{alias}.tier"], [$"{alias}.region", $"{alias}.name"]) { CustomerIds = [$"{alias}.id"] }
            : new Fragment($"{name} {alias}", true, [$"{alias}.id", $"{alias}.customer_id", $"{alias}.amount"], [$"{alias}.status"]);

    private static Gen<Fragment> Derived(int depth, string path, ImmutableList<string> ctes) =>
        from query in Query(depth - 1, path + "s", ctes)
        select new Fragment($"({query.Sql}) {path}", query.Monotone, [$"{path}.k"], [$"{path}.t"]);

    private static Gen<Fragment> Join(int depth, string path, ImmutableList<string> ctes) =>
        from left in From(depth - 1, path + "l", ctes)
        from right in From(depth - 1, path + "r", ctes)
        from kind in Gen.Elements("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN")
        from leftKey in Pick(left.Integers)
        from rightKey in Pick(right.Integers)
        select new Fragment(
            $"{left.Sql} {kind} {right.Sql} ON {leftKey} = {rightKey}",
            left.Monotone && right.Monotone && kind == "JOIN",
            [.. left.Integers, .. right.Integers],
            [.. left.Texts, .. right.Texts]) { CustomerIds = [.. left.CustomerIds, .. right.CustomerIds] };

    private static Gen<Fragment> Condition(int depth, string path, ImmutableList<string> ctes, Fragment source) =>
        depth <= 0 ? SimpleCondition(path, ctes, source)
            : Gen.Frequency(
                (3, SimpleCondition(path, ctes, source)),
                (1, from left in Condition(depth - 1, path + "a", ctes, source)
                    from right in Condition(depth - 1, path + "b", ctes, source)
                    from op in Gen.Elements("AND", "OR")
                    select Fragment.Of($"({left.Sql} {op} {right.Sql})", left.Monotone && right.Monotone)));

    private static Gen<Fragment> SimpleCondition(string path, ImmutableList<string> ctes, Fragment source) =>
        from column in Pick(source.Integers)
        from text in Pick(source.Texts)
        from constant in Gen.Choose(0, 60)
        from literal in Gen.Elements(TextConstants)
        from inner in Table(path, ctes)
        from innerKey in Pick(inner.Integers)
        from negated in Gen.Elements(true, false)
        from kind in Gen.Choose(0, 4)
        select kind switch
        {
            0 => Fragment.Of($"{column} > {constant}", true),
            1 => Fragment.Of($"{text} = {literal}", true),
            2 => Fragment.Of($"{column} {(negated ? "NOT IN" : "IN")} (SELECT {innerKey} FROM {inner.Sql})", !negated),
            3 => Fragment.Of($"{(negated ? "NOT EXISTS" : "EXISTS")} (SELECT 1 FROM {inner.Sql} WHERE {innerKey} = {column})", !negated),
            _ => Fragment.Of($"{column} > (SELECT count(*) FROM {inner.Sql})", false),
        };

    /// <summary>UPDATE/DELETE with RETURNING, so their effect can be compared.</summary>
    private static Gen<Fragment> DataChange()
    {
        var customer = new Fragment("customers u", true, ["u.id", "u.tier"], ["u.region", "u.name"]);
        var order = new Fragment("orders u", true, ["u.id", "u.customer_id", "u.amount"], ["u.status"]);
        return from condition in Optional(Condition(1, "s", [], customer))
               from orderWhere in Optional(Condition(1, "s", [], order))
               from kind in Gen.Choose(0, 3)
               select Fragment.Of(kind switch
               {
                   0 => $"UPDATE customers u SET tier = u.tier + 1{Where(condition)} RETURNING u.id, u.region, u.tier",
                   1 => $"DELETE FROM customers AS u{Where(condition)} RETURNING u.id, u.name",
                   2 => $"UPDATE orders u SET amount = u.amount + 1 FROM customers c WHERE u.customer_id = c.id{And(orderWhere)} RETURNING u.id, u.amount, c.name",
                   _ => $"DELETE FROM orders u USING customers c WHERE u.customer_id = c.id{And(orderWhere)} RETURNING u.id, u.status, c.region",
               }, monotone: false);
    }

    private static string Where(Fragment? condition) => condition is null ? "" : " WHERE " + condition.Sql;

    private static string And(Fragment? condition) => condition is null ? "" : " AND " + condition.Sql;

    private static Gen<Fragment?> Optional(Gen<Fragment> condition) =>
        Gen.Frequency((1, Gen.Constant<Fragment?>(null)), (2, condition.Select(c => (Fragment?)c)));

    private static Gen<string> Pick(IReadOnlyList<string> columns) => Gen.Elements(columns.ToArray());
}
