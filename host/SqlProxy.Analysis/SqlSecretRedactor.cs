using System.Text;
using System.Text.RegularExpressions;
using PgQuery;
using SqlProxy.Analysis.Native;

namespace SqlProxy.Analysis;

/// <summary>
/// Hides passwords in SQL before it is stored (audit records, logs): the string after the keyword <c>PASSWORD</c>
/// (<c>CREATE ROLE … PASSWORD '…'</c>, <c>ALTER USER … WITH ENCRYPTED PASSWORD '…'</c>) and the value of a
/// <c>password=</c> inside a string constant (<c>dblink_connect('… password=…')</c>, <c>OPTIONS (password '…')</c> is
/// the first case) become <c>********</c>. It reads libpg_query's lexer tokens, so it also works on SQL that does not
/// parse; when even the lexer fails (an unterminated quote) everything after the word <c>password</c> is hidden.
/// SQL without the word "password" (any case) is returned as it is, without calling the lexer.
/// </summary>
public static partial class SqlSecretRedactor
{
    public const string Mask = "********";

    public static string Redact(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!sql.Contains("password", StringComparison.OrdinalIgnoreCase)) return sql;
        if (sql.Contains('\0')) return AfterPasswordWord().Replace(sql, "$1" + Mask);
        var bytes = Encoding.UTF8.GetBytes(sql + "\0");
        var tokens = Scan(bytes);
        return tokens is null ? AfterPasswordWord().Replace(sql, "$1" + Mask) : Rewrite(bytes.AsSpan(0, bytes.Length - 1), tokens);
    }

    private static unsafe IReadOnlyList<ScanToken>? Scan(byte[] nulTerminated)
    {
        fixed (byte* input = nulTerminated)
        {
            var result = PgQueryNative.pg_query_scan(input);
            try
            {
                if (result.Error != null) return null;
                using var stream = new UnmanagedMemoryStream(result.Tokens.Data, (long)result.Tokens.Length);
                return ScanResult.Parser.ParseFrom(stream).Tokens;
            }
            finally
            {
                PgQueryNative.pg_query_free_scan_result(result);
            }
        }
    }

    private static string Rewrite(ReadOnlySpan<byte> sql, IReadOnlyList<ScanToken> tokens)
    {
        var output = new StringBuilder(sql.Length);
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Token is not (Token.Sconst or Token.Usconst)) continue;
            var literal = Encoding.UTF8.GetString(sql[token.Start..token.End]);
            var afterPassword = i > 0 && tokens[i - 1].Token == Token.Password
                || i > 0 && tokens[i - 1].Token == Token.Ident && Encoding.UTF8.GetString(sql[tokens[i - 1].Start..tokens[i - 1].End]).Equals("password", StringComparison.OrdinalIgnoreCase);
            var replacement = afterPassword ? $"'{Mask}'" : PasswordSetting().Replace(literal, "$1" + Mask);
            if (replacement == literal) continue;
            output.Append(Encoding.UTF8.GetString(sql[copied..token.Start])).Append(replacement);
            copied = token.End;
        }
        return output.Append(Encoding.UTF8.GetString(sql[copied..])).ToString();
    }

    // password=secret or password = 'secret' inside a connection string in a literal.
    [GeneratedRegex(@"(?i)(password\s*=\s*)(?:''(?:[^']|'''')*''|[^\s']+)")]
    private static partial Regex PasswordSetting();

    [GeneratedRegex(@"(?is)(password\b\W*).*")]
    private static partial Regex AfterPasswordWord();
}
