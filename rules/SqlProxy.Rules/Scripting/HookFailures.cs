using System.Globalization;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using SqlProxy.Rules.Parsing;

namespace SqlProxy.Rules.Scripting;

/// <summary>How a failed run of script code is told: a phrase that follows its subject (<c>hook `f`</c>, <c>top-level code</c>).</summary>
static class HookFailures
{
    const int MessageLength = 100;

    /// <summary>E.g. <c>ran longer than 50 ms</c>, <c>threw `boom`</c>.</summary>
    /// <param name="e">What Jint threw.</param>
    /// <param name="limits">The limits of a call.</param>
    /// <param name="topLevel">Whether top-level code failed, which has a longer time limit (<see cref="HookEngine.TopLevelLimits"/>).</param>
    public static string Describe(Exception e, ScriptLimits limits, bool topLevel = false) => e switch
    {
        JavaScriptException thrown => $"threw `{Literals.Clip(Thrown(thrown), MessageLength)}`",
        RegexMatchTimeoutException => $"ran a regular expression for longer than {Duration(limits.Timeout)}",
        TimeoutException => $"ran longer than {Duration(topLevel ? HookEngine.TopLevelLimits(limits).Timeout : limits.Timeout)}",
        MemoryLimitExceededException => $"allocated more than {Bytes(limits.MemoryBytes)}",
        StatementsCountOverflowException => $"ran more than {limits.MaxStatements.ToString("N0", CultureInfo.InvariantCulture)} statements",
        RecursionDepthOverflowException => $"recursed deeper than {limits.MaxRecursionDepth} calls",
        _ => $"failed ({Literals.Clip(e.Message, MessageLength)})",
    };

    /// <summary>
    /// What was thrown, as <c>Error.prototype.toString</c> would say it (<c>TypeError: x is not a function</c>), but
    /// without running script code: a <c>name</c> behind a getter is left out.
    /// </summary>
    static string Thrown(JavaScriptException e)
    {
        var name = e.Error is ObjectInstance error ? StringData(error, "name") : null;
        if (string.IsNullOrEmpty(name))
            return e.Message;
        return e.Message.Length == 0 ? name : $"{name}: {e.Message}";
    }

    /// <summary>A string property found along the prototype chain, if it is plain data.</summary>
    static string? StringData(ObjectInstance? instance, string key)
    {
        for (; instance is not null; instance = instance.Prototype)
        {
            var property = instance.GetOwnProperty(key);
            if (property == PropertyDescriptor.Undefined)
                continue;
            return property.IsDataDescriptor() && property.Value is JsString text ? text.ToString() : null;
        }
        return null;
    }

    /// <summary>Where a thrown error was thrown, as <c>path:line:column</c>, or null when Jint does not know.</summary>
    public static string? Place(JavaScriptException e) =>
        e.Location.Start.Line > 0 ? $"{e.Location.SourceFile}:{e.Location.Start.Line}:{e.Location.Start.Column + 1}" : null;

    /// <summary>A value that is not a boolean, said without running any of its code: <c>the string `yes`</c>, <c>a promise</c>.</summary>
    public static string Value(JsValue value) => value switch
    {
        _ when value.IsUndefined() => "`undefined`",
        _ when value.IsNull() => "`null`",
        _ when value.IsString() => $"the string `{Literals.Clip(value.AsString())}`",
        _ when value.IsNumber() || value.IsBigInt() => $"the number `{Literals.Clip(value.ToString())}`",
        _ when value.IsSymbol() => "a symbol",
        _ when value.IsPromise() => "a promise",
        _ when value.IsArray() => "an array",
        _ when value.IsCallable() => "a function",
        _ => "an object",
    };

    /// <summary><c>50 ms</c>, <c>1.5 s</c>.</summary>
    public static string Duration(TimeSpan time) =>
        time < TimeSpan.FromSeconds(1) ? $"{time.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)} ms"
            : $"{time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    /// <summary><c>4 MiB</c>, <c>512 KiB</c>, <c>1,000 bytes</c>.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        _ when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes",
    };
}
