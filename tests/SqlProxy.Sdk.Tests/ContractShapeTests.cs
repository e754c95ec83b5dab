using System.Reflection;
using System.Runtime.CompilerServices;

namespace SqlProxy.Sdk.Tests;

/// <summary>The SDK holds interfaces, immutable records, enums and static helpers only; anything that may wait can be cancelled.</summary>
public sealed class ContractShapeTests
{
    public static TheoryData<string> PublicTypes() => [.. TestFiles.Sdk.GetExportedTypes().Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void A_public_type_is_an_interface_a_sealed_record_an_enum_or_static(string name)
    {
        var type = TestFiles.Sdk.GetType(name)!;

        var isRecord = type.GetMethod("<Clone>$") is not null;
        var isStatic = type.IsAbstract && type.IsSealed;
        Assert.True(type.IsInterface || type.IsEnum || isStatic || (isRecord && type.IsSealed),
            $"{name} is not an interface, a sealed record, an enum or a static class.");
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void A_record_has_no_public_setter(string name)
    {
        var type = TestFiles.Sdk.GetType(name)!;

        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(property => property.Name);

        Assert.Empty(settable);
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void An_asynchronous_method_takes_a_cancellation_token_last(string name)
    {
        var type = TestFiles.Sdk.GetType(name)!;

        var offending = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(method => method.ReturnType == typeof(ValueTask) || method.ReturnType.IsGenericType
                && method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>)
                || typeof(Task).IsAssignableFrom(method.ReturnType))
            .Where(method => method.GetParameters() is not [.., { ParameterType: var last }] || last != typeof(CancellationToken)
                || typeof(Task).IsAssignableFrom(method.ReturnType))
            .Select(method => method.Name);

        Assert.Empty(offending);
    }
}
