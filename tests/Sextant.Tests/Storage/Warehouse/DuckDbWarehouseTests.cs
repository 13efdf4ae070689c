using Sextant.Storage.Warehouse;
using Sextant.Tests.Support;

namespace Sextant.Tests.Storage.Warehouse;

public sealed class DuckDbWarehouseTests : WarehouseContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override IWarehouse Open() => WarehouseConnections.Open(StoreUrl.Parse($"duckdb:{_directory.File("w.duckdb")}"));

    protected override string CreateTable(string table) =>
        $"CREATE TABLE {table} (id BIGINT NOT NULL, n BIGINT, x DOUBLE, s VARCHAR)";

    [Fact]
    public void A_file_that_cannot_be_opened_is_one_line_naming_it()
    {
        var path = _directory.File("missing-folder/w.duckdb");

        var error = Assert.Throws<SextantException>(() => WarehouseConnections.Open(StoreUrl.Parse($"duckdb:{path}")));

        Assert.StartsWith($"duckdb:{path}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Rows_written_in_one_connection_are_there_in_the_next()
    {
        var table = NewTable("kept");
        using (var first = Open())
        {
            first.Execute(CreateTable(table));
            first.Insert(table, ["id", "s"], [[1L, "a"], [2L, "b"]]);
        }

        using var second = Open();
        Assert.Equal(2L, Count(second, table));
    }

    public void Dispose() => _directory.Dispose();
}
