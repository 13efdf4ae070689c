using Sextant.Storage.Warehouse;
using Sextant.Tests.Support.Servers;
using Xunit.Abstractions;

namespace Sextant.Tests.Storage.Warehouse;

[Collection(PostgresCollection.Name)]
public sealed class PostgresWarehouseTests(PostgresServer server, ITestOutputHelper output) : WarehouseContract
{
    protected override IWarehouse Open() => WarehouseConnections.Open(server.Url);

    protected override string CreateTable(string table) =>
        $"CREATE TABLE {table} (id bigint NOT NULL, n bigint, x double precision, s text)";

    [Fact]
    public void The_fixture_says_how_long_its_start_took()
    {
        output.WriteLine($"PostgresServer started in {server.StartupTime.TotalSeconds:F2} s");

        Assert.True(server.StartupTime > TimeSpan.Zero);
    }

    [Fact]
    public void A_server_that_is_not_there_is_one_line_naming_host_port_and_database()
    {
        var url = StoreUrl.Parse($"postgres://postgres:secret@127.0.0.1:{ServerProcess.FreePort()}/nowhere", _ => null);

        var error = Assert.Throws<SextantException>(() => WarehouseConnections.Open(url));

        Assert.Contains("127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("database nowhere", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_database_gives_the_servers_message_in_one_line()
    {
        var error = Assert.Throws<SextantException>(() => WarehouseConnections.Open(server.UrlOf("no_such_database")));

        Assert.Contains("no_such_database", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_database_of_its_own_starts_empty()
    {
        using var warehouse = WarehouseConnections.Open(server.CreateDatabase());

        var tables = -1L;
        warehouse.Read("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", row => tables = row.GetInt64(0));

        Assert.Equal(0, tables);
    }
}
