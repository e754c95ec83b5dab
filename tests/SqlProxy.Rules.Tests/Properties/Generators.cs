using FsCheck;
using FsCheck.Fluent;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Tests.Properties;

/// <summary>FsCheck arbitraries for rule sets, requests and statements drawn from <see cref="Universe"/>.</summary>
public static class Generators
{
    static Gen<T[]> SomeOf<T>(T[] items, int least) =>
        Gen.SubListOf(items).Where(list => list.Count >= least).Select(list => list.ToArray());

    static readonly Gen<RuleSpec> Rule =
        from block in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
        from actions in SomeOf(Universe.Actions.Keys.ToArray(), 1).Select(a => a.Take(2).ToArray())
        from scopes in Gen.Elements(Universe.Scopes).Two().Select(pair => new[] { pair.Item1, pair.Item2 }.Distinct().ToArray())
        from condition in Gen.Frequency((3, Gen.Constant(0)), (4, Gen.Choose(1, Universe.Conditions.Length - 1)))
        select new RuleSpec(block, actions, scopes, condition);

    static readonly Gen<RequestInfo> Request =
        from user in Gen.Elements(Universe.Users)
        from roles in SomeOf(Universe.Roles, 0)
        from region in Gen.Elements<string?>([null, .. Universe.Regions])
        from database in Gen.Frequency((4, Gen.Constant("testdb")), (1, Gen.Constant("otherdb")))
        let attributes = region is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["region"] = region }
        select new RequestInfo("gen", new UserIdentity(user, roles, attributes), database, null, DateTimeOffset.UnixEpoch);

    static readonly Gen<StatementAccess> Access =
        from op in Gen.Elements(Universe.Operations)
        from relation in Gen.Frequency((1, Gen.Constant<RelationName?>(null)), (4, Gen.Elements(Universe.Relations).Select(r => (RelationName?)r)))
        from columns in SomeOf(Universe.Columns, 0).Select(c => c.Take(3).ToArray())
        select new StatementAccess(op, relation, relation is null ? [] : columns);

    static readonly Gen<StatementAnalysis> Statement =
        from accesses in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Access, n))
        select new StatementAnalysis
        {
            Kind = accesses[0].Operation, Sql = "-- generated", Fingerprint = "0", Accesses = accesses,
            RelationsRead = [], RelationsWritten = [], Projection = [], ColumnsRead = [], ColumnsWritten = [],
            HasWhere = false, Limit = null, Notes = [],
        };

    public static Arbitrary<RuleSpec> RuleSpecs() => Rule.ToArbitrary();

    static readonly Gen<Scenario> Scenario =
        from count in Gen.Choose(0, 15)
        from rules in Gen.ArrayOf(Rule, count)
        from request in Request
        from statement in Statement
        select new Scenario(rules, request, statement);

    // Masks on columns, tables and labels; filters whose values may be missing (a filter on `region` fails closed
    // for a user without one); limits on any scope but a column.
    static readonly Gen<string> Obligation = Gen.OneOf(
        from scope in Gen.Elements(Universe.Scopes)
        from masker in Gen.Elements("redact", "hash", "partial(keep_last = 2)")
        from condition in Gen.Elements(Universe.Conditions)
        select $"mask {scope} with {masker}{condition.Text};",
        from label in Gen.Elements("PII.Email", "PII.Phone")
        from condition in Gen.Elements(Universe.Conditions)
        select $"mask label '{label}' with redact{condition.Text};",
        from table in Gen.Elements(Universe.Relations)
        from predicate in Gen.Elements("a = 1", "a = {user.name}", "r = {user.attributes.region} or {user.attributes.region} = 'all'")
        from condition in Gen.Elements(Universe.Conditions)
        select $"filter {table} where '{predicate.Replace("'", "''")}'{condition.Text};",
        from rows in Gen.Choose(1, 100)
        from scope in Gen.Elements(Universe.Scopes.Where(s => s.Count(c => c == '.') < 3).ToArray())
        from condition in Gen.Elements(Universe.Conditions)
        select $"limit {rows} on {scope}{condition.Text};");

    public static Arbitrary<Scenario> Scenarios() => Scenario.ToArbitrary();

    public static Arbitrary<ObligationScenario> ObligationScenarios() =>
        (from scenario in Scenario
         from count in Gen.Choose(0, 6)
         from obligations in Gen.ArrayOf(Obligation, count)
         from extra in Obligation
         select new ObligationScenario(scenario, obligations, extra)).ToArbitrary();
}
