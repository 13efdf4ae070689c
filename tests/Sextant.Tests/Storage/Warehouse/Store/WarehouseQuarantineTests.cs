using Sextant.Ingest;

namespace Sextant.Tests.Storage.Warehouse.Store;

public sealed class WarehouseQuarantineTests
{
    [Fact]
    public void A_duckdb_stores_quarantine_file_sits_beside_the_file()
    {
        Assert.Equal("/data/s.duckdb.quarantine.jsonl", QuarantineWriter.DefaultPathFor("duckdb:/data/s.duckdb"));
    }

    [Fact]
    public void A_database_servers_quarantine_file_is_in_the_current_directory()
    {
        var expected = Path.GetFullPath("sextant.quarantine.jsonl");

        Assert.Equal(expected, QuarantineWriter.DefaultPathFor("postgres://me@db.example:5432/product"));
        Assert.Equal(expected, QuarantineWriter.DefaultPathFor("clickhouse://127.0.0.1:8123/product?cluster=two&shards=127.0.0.1:8123,127.0.0.1:8124"));
    }

    [Fact]
    public void An_embedded_stores_quarantine_file_sits_beside_it_as_before()
    {
        Assert.Equal("data/sextant.db.quarantine.jsonl", QuarantineWriter.DefaultPathFor("data/sextant.db"));
    }
}
