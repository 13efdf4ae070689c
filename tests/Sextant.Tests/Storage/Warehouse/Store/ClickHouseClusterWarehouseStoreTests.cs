using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.ClickHouse;
using Sextant.Storage.Warehouse.Store;
using Sextant.Synthetic;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>The warehouse store contract on a two-shard ClickHouse cluster, a database of its own per test.</summary>
[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterWarehouseStoreTests(ClickHouseCluster cluster) : WarehouseStoreContract
{
    protected override IWarehouse Connect()
    {
        var warehouse = (ClickHouseWarehouse)WarehouseConnections.Open(cluster.NewDatabaseUrl());
        warehouse.EnsureDatabase();
        return warehouse;
    }

    [Fact]
    public void Each_shard_holds_part_of_the_events_and_the_distributed_table_counts_each_once()
    {
        var url = cluster.NewDatabaseUrl();
        using var store = WarehouseStore.Open(url, create: true);
        var data = NotionGenerator.Generate(new NotionScenario { Users = 200, Seed = 5 });

        var stored = ScenarioStoreWriter.Write(data, store);

        Assert.Equal(data.Events.Count, stored);
        Assert.Equal(stored, store.CountEvents());
        var perShard = url.Shards.Select(shard =>
        {
            using var local = WarehouseConnections.Open(url with { Host = shard.Host, Port = shard.Port, Cluster = null, Shards = default });
            long count = 0;
            local.Read("SELECT count() FROM sextant_events_local", row => count = row.GetInt64(0));
            return count;
        }).ToList();
        Assert.Equal(2, perShard.Count);
        Assert.All(perShard, count => Assert.InRange(count, 1, stored - 1));
        Assert.Equal(stored, perShard.Sum());
        Assert.Equal(Sextant.Storage.IntegrityStatus.Pass, store.VerifyIntegrity()[0].Status);
    }
}
