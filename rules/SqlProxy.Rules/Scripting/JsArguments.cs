using Jint;
using Jint.Native;
using SqlProxy.Rules.Runtime;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// Turns the values of a condition into JavaScript values. Built by hand rather than by Jint's interop, so that no
/// CLR object (a wrapped <c>string[]</c>, say) ever reaches a script: lists become fresh JavaScript arrays.
/// </summary>
static class JsArguments
{
    /// <summary>The arguments for a call of <paramref name="hook"/>; a value of another kind is a <see cref="RuleEvaluationException"/>.</summary>
    public static JsValue[] From(Engine engine, object?[] arguments, string hook)
    {
        if (arguments.Length == 0)
            return [];
        var values = new JsValue[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            values[i] = From(engine, arguments[i], hook);
        return values;
    }

    static JsValue From(Engine engine, object? argument, string hook) => argument switch
    {
        null => JsValue.Null,
        string text => new JsString(text),
        bool flag => flag ? JsBoolean.True : JsBoolean.False,
        int number => JsNumber.Create(number),
        long number => JsNumber.Create(number),
        double number => JsNumber.Create(number),
        decimal number => JsNumber.Create((double)number),
        IReadOnlyList<string> list => List(engine, list),
        _ => throw new RuleEvaluationException($"hook `{hook}` cannot be given a {argument.GetType().Name}"),
    };

    static JsArray List(Engine engine, IReadOnlyList<string> list)
    {
        var items = new JsValue[list.Count];
        for (var i = 0; i < items.Length; i++)
            items[i] = list[i] is { } item ? new JsString(item) : JsValue.Null;
        return new JsArray(engine, items);
    }
}
