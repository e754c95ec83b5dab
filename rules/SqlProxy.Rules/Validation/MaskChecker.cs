using System.Globalization;
using SqlProxy.Rules.Ast;
using SqlProxy.Sdk;

namespace SqlProxy.Rules.Validation;

/// <summary>Checks a mask rule's masker (known, arguments it accepts) and labels (ones the classifiers give).</summary>
static class MaskChecker
{
    public static IEnumerable<RuleDiagnostic> Check(MaskRuleNode mask, string path, RulesEnvironment environment)
    {
        var masker = mask.Masker;
        if (environment.Maskers is { } maskers)
        {
            var known = maskers.FirstOrDefault(candidate => string.Equals(candidate.Name, masker.Name, StringComparison.Ordinal));
            if (known is null)
            {
                yield return new RuleDiagnostic(path, masker.Position.Line, masker.Position.Column, $"`{masker.Name}` is not a masker",
                    Nearest.Help(masker.Name, maskers.Select(candidate => candidate.Name), "the maskers are"));
            }
            else
            {
                foreach (var problem in ArgumentProblems(known, masker))
                {
                    var position = PositionOf(problem, masker);
                    yield return new RuleDiagnostic(path, position.Line, position.Column, problem.TrimEnd('.'));
                }
            }
        }

        if (environment.Labels is { } labels)
        {
            foreach (var label in mask.Labels.Where(label => !labels.Contains(label, StringComparer.OrdinalIgnoreCase)))
            {
                yield return new RuleDiagnostic(path, mask.Position.Line, mask.Position.Column, $"`{label}` is not a classification label",
                    Nearest.Help(label, labels, "the labels are"));
            }
        }
    }

    /// <summary>The arguments as the masker receives them: the text of a string, the digits of a number.</summary>
    public static IReadOnlyDictionary<string, string> Arguments(MaskerNode masker)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in masker.Arguments)
        {
            arguments[argument.Name] = argument.Value switch
            {
                TextNode text => text.Value,
                NumberNode number => number.Value.ToString(CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
        }
        return arguments;
    }

    static IReadOnlyList<string> ArgumentProblems(IMasker masker, MaskerNode node)
    {
        try
        {
            return masker.ValidateArguments(Arguments(node));
        }
        catch (Exception e)
        {
            // A masker is a plugin: its failure is reported against the rule, not thrown at the loader.
            return [$"the `{masker.Name}` masker failed to check its arguments: {e.Message}"];
        }
    }

    /// <summary>A masker's sentence about one argument starts with its name in backticks: point at that argument.</summary>
    static SourcePosition PositionOf(string problem, MaskerNode masker) =>
        masker.Arguments.FirstOrDefault(argument => problem.StartsWith($"`{argument.Name}`", StringComparison.Ordinal))?.Position ?? masker.Position;
}
