using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>The warehouse store contract on a DuckDB file.</summary>
public sealed class DuckDbWarehouseStoreTests : WarehouseStoreContract
{
    private int _files;

    protected override IWarehouse Connect() => WarehouseConnections.Open(StoreUrl.Parse("duckdb:" + Directory.File($"store{++_files}.duckdb")));
}
