using Sextant.Storage.Warehouse;
using Sextant.Tests.Support.Servers;

namespace Sextant.Tests.Privacy;

/// <summary>Forgetting on PostgreSQL 15: the contract's one test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresForgetTests(PostgresServer server) : WarehouseForgetContract
{
    protected override IWarehouse Connect() => WarehouseConnections.Open(server.CreateDatabase());
}
