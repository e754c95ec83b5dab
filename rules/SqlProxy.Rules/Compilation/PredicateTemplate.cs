using System.Text;
using SqlProxy.Rules.Ast;
using SqlProxy.Rules.Parsing;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Compilation;

/// <summary>
/// Reads a row filter's predicate: each placeholder such as <c>{user.attributes.region}</c> becomes a parameter
/// <c>$1</c>, <c>$2</c>, … numbered by first appearance (a repeated placeholder reuses its number), and
/// <c>{{</c>/<c>}}</c> stand for literal braces. The SQL itself is left to the host, which parses it.
/// </summary>
static class PredicateTemplate
{
    const string Help = "a placeholder is `{user.name}`, `{user.attributes.<key>}` or `{request.database}`; write `{{` and `}}` for braces";
    static readonly string[] Known = ["user.name", "request.database"];

    public static FilterPredicate? Compile(TextNode predicate, List<Problem> problems)
    {
        var text = predicate.Value;
        var sql = new StringBuilder(text.Length);
        var values = new List<RequestValue>();
        var before = problems.Count;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c is '{' or '}' && next == c)
            {
                sql.Append(c);
                i++;
            }
            else if (c == '}')
            {
                problems.Add(new Problem(At(predicate, i), "`}` closes no placeholder", "write `}}` for a brace"));
            }
            else if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    problems.Add(new Problem(At(predicate, i), "`{` opens a placeholder that is not closed", "write `{{` for a brace"));
                    break;
                }
                var written = text[i..(close + 1)];
                if (Resolve(text[(i + 1)..close]) is { } value)
                {
                    var number = values.IndexOf(value) + 1;
                    if (number == 0)
                    {
                        values.Add(value);
                        number = values.Count;
                    }
                    sql.Append('$').Append(number);
                }
                else
                {
                    var suggestion = Suggestions.DidYouMean(written.Trim('{', '}', ' '), Known, known => "{" + known + "}");
                    problems.Add(new Problem(At(predicate, i), $"`{Literals.Clip(written)}` is not a value a row filter can use", suggestion ?? Help));
                }
                i = close;
            }
            else if (c == '$' && char.IsAsciiDigit(next))
            {
                problems.Add(new Problem(At(predicate, i), $"`${next}` in a predicate would clash with the placeholders' parameters",
                    "write request values as placeholders, e.g. `{user.name}`"));
            }
            else
            {
                sql.Append(c);
            }
        }

        if (problems.Count == before && sql.ToString().Trim().Length == 0)
            problems.Add(new Problem(predicate.Position, "a row filter needs a predicate", "e.g. `filter testdb.public.orders where 'region = {user.attributes.region}';`"));
        return problems.Count > before ? null : new FilterPredicate(sql.ToString(), values);
    }

    /// <summary>What <c>user.name</c>, <c>user.attributes.key</c> or <c>request.database</c> stands for; names fold as in conditions.</summary>
    static RequestValue? Resolve(string placeholder)
    {
        var tokenized = RuleTokenizer.Tokenize(placeholder);
        var tokens = tokenized.Tokens;
        if (tokenized.Problems.Count > 0 || tokens.Length == 0 || tokens.Length % 2 == 0)
            return null;
        var names = new List<string>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var isName = token.Kind is RuleToken.Identifier or RuleToken.QuotedIdentifier || (i > 0 && Keywords.IsKeyword(token.Kind));
            if (i % 2 == 1 ? token.Kind != RuleToken.Dot : !isName)
                return null;
            if (i % 2 == 0)
                names.Add(Literals.Name(token.ToStringValue()));
        }
        return names switch
        {
            ["user", "name"] => new RequestValue(RequestValueSource.UserName, null),
            ["request", "database"] => new RequestValue(RequestValueSource.Database, null),
            ["user", "attributes", var key] => new RequestValue(RequestValueSource.UserAttribute, key),
            _ => null,
        };
    }

    /// <summary>Where character <paramref name="index"/> of the unquoted predicate stands in the file: each quote in it was written twice.</summary>
    static SourcePosition At(TextNode predicate, int index) =>
        new(predicate.Position.Line, predicate.Position.Column + 1 + index + predicate.Value[..index].Count(c => c == '\''));
}
