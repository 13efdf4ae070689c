using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.ClickHouse;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>The warehouse store contract on one ClickHouse server, a database of its own per test.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseWarehouseStoreTests(ClickHouseServer server) : WarehouseStoreContract
{
    protected override IWarehouse Connect()
    {
        var warehouse = (ClickHouseWarehouse)WarehouseConnections.Open(server.NewDatabaseUrl());
        warehouse.EnsureDatabase();
        return warehouse;
    }
}
