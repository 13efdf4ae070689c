using Sextant.Tests.Support;

namespace Sextant.Tests.Cli;

public sealed class WarehouseStoreCliTests
{
    private static readonly string Samples = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples"));

    [Fact]
    public void A_funnel_on_a_duckdb_store_prints_the_same_as_on_the_embedded_store()
    {
        // Given the samples ingested into a DuckDB store and into an embedded store
        using var directory = new TempDirectory();
        var users = Path.Combine(Samples, "users.csv");
        var events = Path.Combine(Samples, "events.csv");
        var intoDuckDb = CliRunner.Run(directory.Path, "ingest", users, events, "--store", "duckdb:store.duckdb");
        var intoSqlite = CliRunner.Run(directory.Path, "ingest", users, events, "--store", "store.db");
        Assert.Equal((0, 0), (intoDuckDb.ExitCode, intoSqlite.ExitCode));

        // When the same funnel runs on both
        var onDuckDb = CliRunner.Run(directory.Path, "funnel", "--steps", "signup,create_page,edit_page", "--store", "duckdb:store.duckdb");
        var onSqlite = CliRunner.Run(directory.Path, "funnel", "--steps", "signup,create_page,edit_page", "--store", "store.db");

        // Then it prints the same, and check passes on the DuckDB store
        Assert.Equal(0, onDuckDb.ExitCode);
        Assert.Equal(onSqlite.Stdout, onDuckDb.Stdout);
        Assert.Contains("signup", onDuckDb.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(directory.Path, "check", "--store", "duckdb:store.duckdb").ExitCode);
    }
}
