using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.ClickHouse;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Privacy;

/// <summary>Forgetting on ClickHouse 18.16 through mutations: the contract's one test.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseForgetTests(ClickHouseServer server) : WarehouseForgetContract
{
    protected override IWarehouse Connect()
    {
        var warehouse = (ClickHouseWarehouse)WarehouseConnections.Open(server.NewDatabaseUrl());
        warehouse.EnsureDatabase();
        return warehouse;
    }
}
