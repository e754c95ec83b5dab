using Acornima.Ast;
using Jint;

namespace SqlProxy.Rules.Scripting;

/// <summary>
/// A small built-in function run once through the whole call path when a host is prepared. The first call in a
/// process otherwise pays for compiling much of Jint, which can take longer than a hook's whole time limit.
/// </summary>
static class WarmUp
{
    /// <summary>A function expression, so that evaluating it defines no global.</summary>
    public static Prepared<Script> Function { get; } = Engine.PrepareScript("""
        (function (name, roles, when) {
          const day = new Date(when);
          const parts = String(name).toLowerCase().split('_');
          const found = roles.filter(r => r.startsWith('r')).map(r => r.length).includes(1) || roles.indexOf(name) >= 0;
          const { a, ...rest } = { a: 1, b: [1, 2] };
          const text = `${parts.join('.')}:${day.getUTCHours()}:${JSON.stringify(rest)}`;
          return /^[a-z.]+:\d+/.test(text) && found !== undefined && a === 1 && text.length > 0;
        })
        """, "(warm-up)", strict: true);

    /// <summary>A name, a list and a time, as conditions pass them.</summary>
    public static object?[] Arguments { get; } = ["svc_warm_up", new[] { "reader", "r" }, 0L];
}
