using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>A connection that fails the <paramref name="failingInsert"/>th bulk insert into one table (from 1), after the inserts before it went through.</summary>
internal sealed class FailingWarehouse(IWarehouse inner, string failingTable, int failingInsert) : IWarehouse
{
    private int _inserts;

    public SqlDialect Dialect => inner.Dialect;

    public string Location => inner.Location;

    public void Execute(string sql) => inner.Execute(sql);

    public void Read(string sql, Action<IWarehouseRow> onRow) => inner.Read(sql, onRow);

    public void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        if (table == failingTable && ++_inserts == failingInsert)
        {
            throw new SextantException($"injected failure inserting into {table}");
        }
        inner.Insert(table, columns, rows);
    }

    public void InTransaction(Action body) => inner.InTransaction(body);

    public void Dispose()
    {
        // The inner connection belongs to the test.
    }
}
