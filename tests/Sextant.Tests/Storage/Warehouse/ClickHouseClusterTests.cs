using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.ClickHouse;
using Sextant.Tests.Support.Servers;
using Xunit.Abstractions;

namespace Sextant.Tests.Storage.Warehouse;

[Collection(ClickHouseClusterCollection.Name)]
public sealed class ClickHouseClusterTests(ClickHouseCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public void The_fixture_says_how_long_its_start_took()
    {
        output.WriteLine($"ClickHouseCluster started in {cluster.StartupTime.TotalSeconds:F2} s");

        Assert.True(cluster.StartupTime > TimeSpan.Zero);
    }

    [Fact]
    public void Rows_inserted_through_a_distributed_table_are_counted_once_and_spread_over_both_shards()
    {
        var url = cluster.NewDatabaseUrl();
        using var warehouse = (ClickHouseWarehouse)WarehouseConnections.Open(url);
        warehouse.EnsureDatabase();
        warehouse.ExecuteOnEachShard("CREATE TABLE events_local (user_id String, value Int64) ENGINE = MergeTree ORDER BY user_id");
        warehouse.Execute(
            $"CREATE TABLE events AS events_local ENGINE = Distributed({warehouse.Cluster}, {warehouse.Database}, events_local, cityHash64(user_id))");
        const int Rows = 10_000;

        warehouse.Insert("events", ["user_id", "value"], Enumerable.Range(0, Rows).Select(i => new object?[] { $"user-{i % 997}", (long)i }));

        long total = 0, sum = 0;
        warehouse.Read("SELECT count(), sum(value) FROM events", row => (total, sum) = (row.GetInt64(0), row.GetInt64(1)));
        Assert.Equal(Rows, total);
        Assert.Equal((long)Rows * (Rows - 1) / 2, sum);

        var perShard = warehouse.Shards.Select(shard => ShardCount(url, shard)).ToList();
        Assert.Equal(2, perShard.Count);
        Assert.All(perShard, count => Assert.InRange(count, 1, Rows - 1));
        Assert.Equal(Rows, perShard.Sum());
    }

    [Fact]
    public void A_user_key_lands_on_one_shard_only()
    {
        var url = cluster.NewDatabaseUrl();
        using var warehouse = (ClickHouseWarehouse)WarehouseConnections.Open(url);
        warehouse.EnsureDatabase();
        warehouse.ExecuteOnEachShard("CREATE TABLE k_local (user_id String, n Int64) ENGINE = MergeTree ORDER BY user_id");
        warehouse.Execute($"CREATE TABLE k AS k_local ENGINE = Distributed({warehouse.Cluster}, {warehouse.Database}, k_local, cityHash64(user_id))");

        warehouse.Insert("k", ["user_id", "n"], Enumerable.Range(0, 1000).Select(i => new object?[] { $"u{i % 50}", (long)i }));

        // Each user's rows are all on one shard, so per-user work can stay local to a shard.
        var usersPerShard = warehouse.Shards.Select(shard => ShardUsers(url, shard, "k_local")).ToList();
        Assert.Empty(usersPerShard[0].Intersect(usersPerShard[1]));
        Assert.Equal(50, usersPerShard[0].Count + usersPerShard[1].Count);
    }

    [Fact]
    public void Per_shard_ddl_that_one_shard_refuses_names_that_shard()
    {
        var url = cluster.NewDatabaseUrl();
        using var warehouse = (ClickHouseWarehouse)WarehouseConnections.Open(url);
        warehouse.EnsureDatabase();

        var error = Assert.Throws<SextantException>(() => warehouse.ExecuteOnEachShard("CREATE TABLE broken (x Nonsense) ENGINE = Memory"));

        Assert.Contains($"(shard 127.0.0.1:{cluster.HttpPortA})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static long ShardCount(StoreUrl url, ShardEndpoint shard)
    {
        using var one = OneShard(url, shard);
        long count = -1;
        one.Read("SELECT count() FROM events_local", row => count = row.GetInt64(0));
        return count;
    }

    private static HashSet<string> ShardUsers(StoreUrl url, ShardEndpoint shard, string table)
    {
        using var one = OneShard(url, shard);
        var users = new HashSet<string>();
        one.Read($"SELECT DISTINCT user_id FROM {table}", row => users.Add(row.GetString(0)));
        return users;
    }

    private static IWarehouse OneShard(StoreUrl url, ShardEndpoint shard) =>
        WarehouseConnections.Open(url with { Host = shard.Host, Port = shard.Port, Cluster = null, Shards = default });
}
