using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>Dedup keeps a hash of every stored id, read from the database and added at each commit.</summary>
public sealed class StoredEventIdsTests
{
    [Fact]
    public void Stored_and_committed_ids_are_known_and_no_other()
    {
        // Given a store holding e1 and a long id, loaded into the set, and e3 committed afterwards
        var longId = new string('é', 300);
        var url = StoreUrl.Parse("duckdb:" + new TempDirectory().File("ids.duckdb"));
        using (var store = WarehouseStore.Open(url, create: true))
            Sextant.Tests.Engine.Sql.HandMadeStores.Write(store, [], [], Event("e1", "u1", "view", "2024-01-01T00:00:00Z"), Event(longId, "u1", "edit", "2024-01-02T00:00:00Z"));
        using var warehouse = WarehouseConnections.Open(url);
        var ids = new StoredEventIds();
        ids.Load(warehouse);
        ids.Add(["e3"]);

        // Then those are known, and ids differing by a letter, a case or a trailing character are not
        Assert.All(["e1", longId, "e3"], id => Assert.True(ids.Contains(id), id));
        Assert.All(["e2", "E1", "e1 ", longId + "é", ""], id => Assert.False(ids.Contains(id), id));
    }
}
