namespace SqlProxy.PrivatePostgres;

/// <summary>A program and its arguments, passed as an argument vector (no shell).</summary>
internal sealed record ProcessCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./=:@%+,".Contains(c)) ? word : $"'{word.Replace("'", "'\\''")}'";
}
