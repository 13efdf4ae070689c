using Sextant.Events;
using Sextant.Ingest;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Tests.Support;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>The warehouse store contract on a DuckDB file.</summary>
public sealed class DuckDbWarehouseStoreTests : WarehouseStoreContract
{
    private int _files;

    protected override IWarehouse Connect() => WarehouseConnections.Open(StoreUrl.Parse("duckdb:" + Directory.File($"store{++_files}.duckdb")));

    [Fact]
    public void A_table_built_from_a_store_opened_by_its_url_reads_properties_after_the_store_is_closed()
    {
        var url = StoreUrl.Parse("duckdb:" + Directory.File("closed.duckdb"));
        var events = Directory.Write("events.csv", "event_id,user_id,event,timestamp,properties\ne1,u1,signup,2025-03-01T00:00:00Z,\"{\"\"plan\"\":\"\"free\"\"}\"\n");
        EventTable table;
        using (var store = WarehouseStore.Open(url, create: true))
        {
            new Ingestor(store, new IngestOptions { QuarantinePath = Directory.File("q.jsonl") }, FixedClock.At2026).Ingest([events]);
            table = EventTableBuilder.Build(store, TimeZoneInfo.Utc);
        }

        var plan = table.Property("plan");

        Assert.Equal("free", plan[0]);
    }
}
