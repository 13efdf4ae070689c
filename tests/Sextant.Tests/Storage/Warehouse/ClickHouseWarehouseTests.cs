using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.ClickHouse;
using Sextant.Tests.Support.Servers;
using Xunit.Abstractions;

namespace Sextant.Tests.Storage.Warehouse;

[Collection(ClickHouseCollection.Name)]
public sealed class ClickHouseWarehouseTests(ClickHouseServer server, ITestOutputHelper output) : WarehouseContract
{
    protected override IWarehouse Open() => WarehouseConnections.Open(server.Url);

    protected override string CreateTable(string table) =>
        $"CREATE TABLE {table} (id Int64, n Nullable(Int64), x Nullable(Float64), s Nullable(String)) ENGINE = MergeTree ORDER BY id";

    protected override bool HasTransactions => false;

    [Fact]
    public void The_fixture_says_how_long_its_start_took()
    {
        output.WriteLine($"ClickHouseServer started in {server.StartupTime.TotalSeconds:F2} s");

        Assert.True(server.StartupTime > TimeSpan.Zero);
    }

    [Fact]
    public void Nul_characters_and_every_escape_survive_the_round_trip()
    {
        using var warehouse = Open();
        var table = NewTable("escapes");
        warehouse.Execute(CreateTable(table));
        const string Text = "nul\0bell\a back\bform\ffeed vtab\v tab\t nl\n cr\r bs\\ q' dq\" \\N \\t";

        warehouse.Insert(table, ["id", "s"], [[1L, Text]]);

        var back = ReadAll(warehouse, $"SELECT id, n, x, s FROM {table}");
        Assert.Equal(Text, back[0][3]);
    }

    [Fact]
    public void Infinities_and_nan_round_trip()
    {
        using var warehouse = Open();
        var table = NewTable("infinities");
        warehouse.Execute(CreateTable(table));

        warehouse.Insert(table, ["id", "x"], [[1L, double.PositiveInfinity], [2L, double.NegativeInfinity], [3L, double.NaN]]);

        var back = ReadAll(warehouse, $"SELECT id, n, x, s FROM {table} ORDER BY id");
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, double.NaN], back.Select(row => (double)row[2]!));
    }

    [Fact]
    public void A_password_user_logs_in_and_a_wrong_password_is_refused_without_showing_it()
    {
        var good = StoreUrl.Parse($"clickhouse://{ClickHouseInstance.PasswordUser}:{Uri.EscapeDataString(ClickHouseInstance.Password)}@127.0.0.1:{server.HttpPort}/default", _ => null);
        var bad = good with { Password = "wrong-pw" };

        using (var warehouse = WarehouseConnections.Open(good))
        {
            // 18.16 has no currentUser(); the running query shows who runs it.
            var mine = 0L;
            warehouse.Read($"SELECT count() FROM system.processes WHERE user = '{ClickHouseInstance.PasswordUser}'", row => mine = row.GetInt64(0));
            Assert.Equal(1L, mine);
        }
        var error = Assert.Throws<SextantException>(() => WarehouseConnections.Open(bad));

        Assert.StartsWith("clickhouse://sextant@127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Code: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pw", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_bad_statement_gives_the_servers_code_line()
    {
        using var warehouse = Open();

        var error = Assert.Throws<SextantException>(() => warehouse.Execute("SELEKT 1"));

        Assert.Contains("refused the statement: Code: 62", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_is_not_there_is_one_line_naming_where()
    {
        var url = StoreUrl.Parse($"clickhouse://127.0.0.1:{ServerProcess.FreePort()}/default", _ => null);

        var error = Assert.Throws<SextantException>(() => WarehouseConnections.Open(url));

        Assert.Contains("cannot reach ClickHouse at 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_database_of_its_own_is_created_on_demand()
    {
        var url = server.NewDatabaseUrl();
        using var warehouse = (ClickHouseWarehouse)WarehouseConnections.Open(url);

        warehouse.EnsureDatabase();
        warehouse.EnsureDatabase();
        warehouse.Execute("CREATE TABLE t (id Int64) ENGINE = Memory");
        warehouse.Insert("t", ["id"], [[1L]]);

        Assert.Equal(1L, Count(warehouse, "t"));
        Assert.Equal(1L, Count(warehouse, $"{url.Database}.t"));
    }

    [Fact]
    public void A_value_no_column_can_hold_stops_the_insert_with_a_message_about_it()
    {
        using var warehouse = Open();
        var table = NewTable("bad_value");
        warehouse.Execute(CreateTable(table));

        var error = Assert.Throws<SextantException>(() => warehouse.Insert(table, ["id", "s"], [[1L, "ok"], [2L, new DateTime(2024, 1, 1)]]));

        Assert.Contains("DateTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_early_in_a_large_insert_stops_it_with_the_servers_code_line()
    {
        using var warehouse = Open();
        var table = NewTable("late_error");
        warehouse.Execute(CreateTable(table));

        var error = Assert.Throws<SextantException>(() => warehouse.Insert(table, ["id", "n"],
            Enumerable.Range(0, 1_000_000).Select(i => new object?[] { (long)i, i == 10 ? "not a number" : (long)i })));

        Assert.Contains("Code: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
