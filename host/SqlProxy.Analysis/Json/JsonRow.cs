using System.Text.Json;

namespace SqlProxy.Analysis.Json;

/// <summary>One token of a <see cref="ParsedJson"/>.</summary>
/// <param name="Type">The token's type.</param>
/// <param name="Start">Where its bytes start (for strings and names: after the opening quote).</param>
/// <param name="Length">How many bytes (strings and names: escaped, without quotes).</param>
/// <param name="End">The row just after this token's whole value: skipping a subtree is one step.</param>
/// <param name="Escaped">Whether a string or name contains escape sequences.</param>
internal record struct JsonRow(JsonTokenType Type, int Start, int Length, int End, bool Escaped);
