using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace SqlProxy.PrivatePostgres;

/// <summary>Superuser passwords: random ones, and files only their owner may read (0600).</summary>
internal static class PasswordFile
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 32);

    public static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path).TrimEnd('\r', '\n') : null;

    [SupportedOSPlatform("linux")]
    public static void Write(string path, string password)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(path, options)) writer.Write(password + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
