using System.Reflection;
using System.Runtime.CompilerServices;

namespace SqlProxy.Sdk.Tests;

/// <summary>The XML documentation ids (<c>T:</c>, <c>M:</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>) of an assembly's public API.</summary>
static class DocumentationIds
{
    /// <summary>Every public or protected type and member a plugin author sees, without what the compiler generates.</summary>
    public static IEnumerable<string> PublicApiOf(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes())
        {
            yield return "T:" + TypeName(type);
            const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(declared).Where(IsVisible).Where(m => !IsGenerated(m)))
            {
                switch (member)
                {
                    // A parameterless constructor may be the one the compiler adds to a class without one; it has no docs to give.
                    case ConstructorInfo { IsStatic: false } constructor when constructor.GetParameters().Length == 0:
                        break;
                    case ConstructorInfo constructor:
                        yield return $"M:{TypeName(type)}.#ctor{Parameters(constructor.GetParameters())}";
                        break;
                    case MethodInfo method when !IsAccessor(method):
                        var arity = method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : "";
                        yield return $"M:{TypeName(type)}.{method.Name}{arity}{Parameters(method.GetParameters())}";
                        break;
                    case PropertyInfo property:
                        yield return $"P:{TypeName(type)}.{property.Name}{Parameters(property.GetIndexParameters())}";
                        break;
                    case FieldInfo field when !field.IsSpecialName:
                        yield return $"F:{TypeName(type)}.{field.Name}";
                        break;
                    case EventInfo @event:
                        yield return $"E:{TypeName(type)}.{@event.Name}";
                        break;
                }
            }
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
        _ => false,
    };

    // Records' Equals, GetHashCode, ToString, Deconstruct, operators, <Clone>$ and copy constructor.
    private static bool IsGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute)) || member.Name.Contains('<') || IsRecordCopyConstructor(member);

    private static bool IsRecordCopyConstructor(MemberInfo member) =>
        member is ConstructorInfo constructor && constructor.GetParameters() is [var only] && only.ParameterType == constructor.DeclaringType
        && constructor.DeclaringType!.GetMethod("<Clone>$") is not null;

    private static bool IsAccessor(MethodInfo method) =>
        method.IsSpecialName && (method.Name.StartsWith("get_") || method.Name.StartsWith("set_")
            || method.Name.StartsWith("add_") || method.Name.StartsWith("remove_"));

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => ParameterType(p.ParameterType))) + ")";

    private static string ParameterType(Type type)
    {
        if (type.IsByRef) return ParameterType(type.GetElementType()!) + "@";
        if (type.IsArray) return ParameterType(type.GetElementType()!) + "[]";
        if (type.IsGenericMethodParameter) return "``" + type.GenericParameterPosition;
        if (type.IsGenericTypeParameter) return "`" + type.GenericParameterPosition;
        if (!type.IsGenericType) return TypeName(type);
        var definition = TypeName(type.GetGenericTypeDefinition());
        var name = definition[..definition.LastIndexOf('`')];
        return $"{name}{{{string.Join(",", type.GetGenericArguments().Select(ParameterType))}}}";
    }

    private static string TypeName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');
}
