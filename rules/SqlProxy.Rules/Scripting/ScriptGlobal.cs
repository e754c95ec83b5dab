namespace SqlProxy.Rules.Scripting;

/// <summary>A global name that a hook script defines.</summary>
/// <param name="Name">The name.</param>
/// <param name="Path">The script that defines it.</param>
/// <param name="Line">Where it is declared, from 1; 0 when the script made it at run time (e.g. <c>globalThis.f = …</c>).</param>
/// <param name="Column">Where it is declared, from 1; 0 with <paramref name="Line"/>.</param>
/// <param name="IsLexical">Declared with <c>let</c>, <c>const</c> or <c>class</c>: a binding of the global scope, not a property of <c>globalThis</c>.</param>
/// <param name="IsClass">Declared with <c>class</c>: callable only with <c>new</c>, so never a hook.</param>
sealed record ScriptGlobal(string Name, string Path, int Line, int Column, bool IsLexical, bool IsClass = false);
