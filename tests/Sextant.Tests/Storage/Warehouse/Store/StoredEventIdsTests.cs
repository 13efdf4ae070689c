using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>Dedup keeps hashes of the stored ids, but a hash it knows is only a reason to look the id up.</summary>
public sealed class StoredEventIdsTests
{
    [Fact]
    public void When_every_hash_collides_only_ids_the_database_holds_are_duplicates()
    {
        // Given a store holding e1 and e2, and a hash that gives every id the same value
        var url = StoreUrl.Parse("duckdb:" + new TempDirectory().File("ids.duckdb"));
        using (var store = WarehouseStore.Open(url, create: true))
            Sextant.Tests.Engine.Sql.HandMadeStores.Write(store, [], [], Event("e1", "u1", "view", "2024-01-01T00:00:00Z"), Event("e2", "u1", "edit", "2024-01-02T00:00:00Z"));
        using var warehouse = WarehouseConnections.Open(url);
        var ids = new StoredEventIds(warehouse, _ => 42);
        ids.Load();

        // When new and stored ids are checked (one of them twice)
        var stored = ids.StoredAmong(["e9", "e2", "e1", "e2", "it's"]);

        // Then only the stored ones are duplicates
        Assert.Equal(["e1", "e2"], stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_whose_hash_is_unknown_are_not_looked_up()
    {
        // Given an empty id set over a database that holds no events table at all
        var url = StoreUrl.Parse("duckdb:" + new TempDirectory().File("none.duckdb"));
        using var warehouse = WarehouseConnections.Open(url);
        var ids = new StoredEventIds(warehouse);
        ids.Add(["e1"]);

        // When ids whose hashes were never added are checked, then no statement runs (it would fail) and none is stored
        Assert.Empty(ids.StoredAmong(["e2", "e3"]));
    }
}
