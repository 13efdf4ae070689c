namespace Sextant.Storage.Warehouse.Store;

/// <summary>A ClickHouse cluster as the store's DDL sees it: its name in <c>remote_servers</c>, the database, and a way to reach each shard over HTTP.</summary>
/// <param name="Name">The cluster's name.</param>
/// <param name="Database">The database every shard holds the store in.</param>
/// <param name="OpenShards">Opens one connection per shard, in shard order; the caller disposes them.</param>
internal sealed record ClusterLayout(string Name, string Database, Func<IReadOnlyList<IWarehouse>> OpenShards);
