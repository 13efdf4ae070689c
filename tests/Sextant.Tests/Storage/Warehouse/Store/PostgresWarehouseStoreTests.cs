using Sextant.Storage.Warehouse;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>The warehouse store contract on PostgreSQL 15, a database of its own per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWarehouseStoreTests(PostgresServer server) : WarehouseStoreContract
{
    protected override IWarehouse Connect() => WarehouseConnections.Open(server.CreateDatabase());
}
