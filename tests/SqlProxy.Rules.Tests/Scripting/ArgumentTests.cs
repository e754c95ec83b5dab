using static SqlProxy.Rules.Tests.Scripting.Hooks;

namespace SqlProxy.Rules.Tests.Scripting;

/// <summary>How the values of a condition arrive in a hook.</summary>
public class ArgumentTests
{
    // The hook answers whether the value arrived as the expected JavaScript type with the expected JSON.
    const string Script = """
        function arrived(value, type, json) {
          const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
          return actual === type && JSON.stringify(value) === json;
        }
        function together(a, b, c) { return `${a}|${b}|${c}` === 'x|2|true'; }
        function missing(a, b) { return a === 'only' && b === undefined; }
        function fresh(list) { return Object.getPrototypeOf(list) === Array.prototype && list.push('more') === 3 && list.join() === 'a,b,more'; }
        """;

    public static TheoryData<object?, string, string> Values => new()
    {
        { "abc", "string", "\"abc\"" },
        { "", "string", "\"\"" },
        { "ünï ✓ \"quoted\"", "string", "\"ünï ✓ \\\"quoted\\\"\"" },
        { null, "null", "null" },
        { true, "boolean", "true" },
        { false, "boolean", "false" },
        { 42, "number", "42" },
        { -7L, "number", "-7" },
        { 2.5d, "number", "2.5" },
        { 1.25m, "number", "1.25" },
        { new[] { "a", "b" }, "array", "[\"a\",\"b\"]" },
        { Array.Empty<string>(), "array", "[]" },
        { new List<string> { "reader", "writer" }, "array", "[\"reader\",\"writer\"]" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ValuesArriveAsJavaScriptValues(object? value, string type, string json)
    {
        Assert.True(Function(Script, "arrived").Invoke([value, type, json]));
    }

    [Fact]
    public void ArgumentsArriveInOrder()
    {
        Assert.True(Function(Script, "together").Invoke(["x", 2, true]));
    }

    [Fact]
    public void AMissingArgumentIsUndefined()
    {
        Assert.True(Function(Script, "missing").Invoke(["only"]));
    }

    [Fact]
    public void AListIsAFreshJavaScriptArrayNotAViewOfTheCaller()
    {
        var list = new[] { "a", "b" };

        Assert.True(Function(Script, "fresh").Invoke([list]));
        Assert.Equal(["a", "b"], list);
    }

    [Fact]
    public void AValueOfAnotherKindIsRefused()
    {
        Assert.Equal("hook `arrived` cannot be given a DateTime", Failure(Function(Script, "arrived"), DateTime.UnixEpoch));
    }
}
