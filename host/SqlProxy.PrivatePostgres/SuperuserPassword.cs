using System.Runtime.Versioning;
using Npgsql;

namespace SqlProxy.PrivatePostgres;

/// <summary>Logs in once as the superuser (proving the server is usable) and, when a reused cluster was asked for
/// a different password than the one it has, changes it and remembers the new one.</summary>
[SupportedOSPlatform("linux")]
internal static class SuperuserPassword
{
    public static async Task EnsureAsync(PrivatePostgresServer server, string currentPassword, ClusterLayout layout, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString("postgres")) { Password = currentPassword };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException error)
        {
            throw new InvalidOperationException(
                $"The private PostgreSQL on port {server.Port} started, but `{server.Username}` could not log in: {error.Message}", error);
        }
        if (currentPassword != server.Password)
        {
            var literal = "'" + server.Password.Replace("'", "''", StringComparison.Ordinal) + "'";
            await using var command = new NpgsqlCommand($"ALTER ROLE CURRENT_USER PASSWORD {literal}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (!layout.IsTemporary && PasswordFile.Read(layout.PasswordFile) != server.Password)
        {
            PasswordFile.Write(layout.PasswordFile, server.Password);
        }
    }
}
