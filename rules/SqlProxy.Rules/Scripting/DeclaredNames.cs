using Acornima.Ast;

namespace SqlProxy.Rules.Scripting;

/// <summary>The names a script declares at its top level, read from its syntax tree before it runs.</summary>
static class DeclaredNames
{
    /// <summary>Functions, classes and variables (destructured ones too), in order; <c>var</c>s nested in blocks are not read here.</summary>
    public static List<ScriptGlobal> Of(Script program, string path)
    {
        var names = new List<ScriptGlobal>();
        foreach (var statement in program.Body)
        {
            switch (statement)
            {
                case FunctionDeclaration { Id: { } id }:
                    names.Add(Global(id, path, lexical: false));
                    break;
                case ClassDeclaration { Id: { } id }:
                    names.Add(Global(id, path, lexical: true) with { IsClass = true });
                    break;
                case VariableDeclaration declaration:
                    var lexical = declaration.Kind != VariableDeclarationKind.Var;
                    foreach (var declarator in declaration.Declarations)
                        AddBindings(declarator.Id, path, lexical, names);
                    break;
            }
        }
        return names;
    }

    /// <summary>The names a binding pattern introduces: <c>x</c>, <c>{ a, b: c }</c>, <c>[d, ...e]</c>, <c>f = 1</c>.</summary>
    static void AddBindings(Node? pattern, string path, bool lexical, List<ScriptGlobal> names)
    {
        switch (pattern)
        {
            case Identifier id:
                names.Add(Global(id, path, lexical));
                break;
            case ObjectPattern objectPattern:
                foreach (var property in objectPattern.Properties)
                    AddBindings(property is Property p ? p.Value : property, path, lexical, names);
                break;
            case ArrayPattern arrayPattern:
                foreach (var element in arrayPattern.Elements)
                    AddBindings(element, path, lexical, names);
                break;
            case AssignmentPattern assignment:
                AddBindings(assignment.Left, path, lexical, names);
                break;
            case RestElement rest:
                AddBindings(rest.Argument, path, lexical, names);
                break;
        }
    }

    static ScriptGlobal Global(Identifier id, string path, bool lexical) =>
        new(id.Name, path, id.Location.Start.Line, id.Location.Start.Column + 1, lexical);
}
