using SqlProxy.Analysis.Native;

namespace SqlProxy.Analysis.Tests;

public sealed class NativeLibraryTests
{
    [Fact]
    public void The_installed_library_loads()
    {
        PgQueryLibrary.EnsureLoaded();

        Assert.NotEqual(0, PgQueryLibrary.Load(["libpg_query.so.1504.0"]));
    }

    [Fact]
    public void A_missing_library_says_how_to_install_it()
    {
        var error = Assert.Throws<DllNotFoundException>(() => PgQueryLibrary.Load(["libpg_query.so.0.0-missing", "pg_query_missing"]));

        Assert.Equal("libpg_query is not installed: apt-get install -y libpg-query1504.0", error.Message);
    }

    [Fact]
    public void Fingerprints_are_hex_and_ignore_constants()
    {
        var fingerprint = PgQueryParser.Fingerprint("SELECT 1"u8);

        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        Assert.Equal(fingerprint, PgQueryParser.Fingerprint("SELECT 2"u8));
        Assert.Null(PgQueryParser.Fingerprint("SELEC 1"u8));
    }

    [Fact]
    public void Parse_refuses_input_without_a_single_terminating_NUL()
    {
        Assert.Throws<ArgumentException>(() => PgQueryParser.Parse("SELECT 1"u8, out _, out _));
        Assert.Throws<ArgumentException>(() => PgQueryParser.Parse("SELECT 1\0; DROP TABLE x\0"u8, out _, out _));
    }
}
