using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Storage.Warehouse;

public sealed class StoreUrlTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void A_postgres_url_gives_its_parts_and_a_redacted_text_without_the_password()
    {
        var url = StoreUrl.Parse("postgres://ana:s%40cret@db.example:6543/events", NoEnvironment);

        Assert.Equal(SqlDialect.PostgreSql, url.Dialect);
        Assert.True(url.IsWarehouse);
        Assert.Equal(("db.example", 6543, "events", "ana", "s@cret"), (url.Host, url.Port, url.Database, url.User, url.Password));
        Assert.Equal("postgres://ana@db.example:6543/events", url.Redacted);
        Assert.DoesNotContain("cret", url.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgresql_scheme_and_default_port_and_password_from_the_environment()
    {
        var url = StoreUrl.Parse("postgresql://ana@localhost/events", name => name == "PGPASSWORD" ? "pw" : null);

        Assert.Equal(SqlDialect.PostgreSql, url.Dialect);
        Assert.Equal(StoreUrl.PostgresDefaultPort, url.Port);
        Assert.Equal("pw", url.Password);
        Assert.Equal("postgres://ana@localhost:5432/events", url.Redacted);
    }

    [Fact]
    public void A_clickhouse_url_for_one_server_defaults_to_the_http_port()
    {
        var url = StoreUrl.Parse("clickhouse://127.0.0.1/analytics", NoEnvironment);

        Assert.Equal(SqlDialect.ClickHouse, url.Dialect);
        Assert.Equal(("127.0.0.1", 8123, "analytics"), (url.Host, url.Port, url.Database));
        Assert.Null(url.User);
        Assert.False(url.IsCluster);
        Assert.Empty(url.Shards);
    }

    [Fact]
    public void A_clickhouse_cluster_url_names_the_cluster_and_each_shards_http_address()
    {
        var url = StoreUrl.Parse("clickhouse://ch1:8123/analytics?cluster=two&shards=ch1:8123,ch2:18123", NoEnvironment);

        Assert.True(url.IsCluster);
        Assert.Equal("two", url.Cluster);
        Assert.Equal([new ShardEndpoint("ch1", 8123), new ShardEndpoint("ch2", 18123)], url.Shards);
        Assert.Equal("clickhouse://ch1:8123/analytics?cluster=two&shards=ch1:8123,ch2:18123", url.Redacted);
    }

    [Fact]
    public void A_clickhouse_password_comes_from_the_url_or_the_environment_and_is_never_shown()
    {
        var fromUrl = StoreUrl.Parse("clickhouse://bob:pw1@h:9000/d", NoEnvironment);
        var fromEnvironment = StoreUrl.Parse("clickhouse://bob@h/d", name => name == "CLICKHOUSE_PASSWORD" ? "pw2" : null);

        Assert.Equal(("bob", "pw1"), (fromUrl.User, fromUrl.Password));
        Assert.Equal("pw2", fromEnvironment.Password);
        Assert.Equal("clickhouse://bob@h:9000/d", fromUrl.Redacted);
    }

    [Fact]
    public void A_duckdb_url_is_a_file_path()
    {
        var url = StoreUrl.Parse("duckdb:/tmp/events.duckdb", NoEnvironment);

        Assert.Equal(SqlDialect.DuckDb, url.Dialect);
        Assert.Equal("/tmp/events.duckdb", url.Path);
        Assert.Equal("duckdb:/tmp/events.duckdb", url.Redacted);
    }

    [Theory]
    [InlineData("sextant.db")]
    [InlineData("/var/data/store.db")]
    [InlineData("C:\\data\\store.db")]
    public void Anything_else_is_an_embedded_sqlite_file(string text)
    {
        var url = StoreUrl.Parse(text, NoEnvironment);

        Assert.Null(url.Dialect);
        Assert.False(url.IsWarehouse);
        Assert.Equal(text, url.Path);
        Assert.Equal(text, url.Redacted);
    }

    [Theory]
    [InlineData("postgres://localhost/db", "with a user")]
    [InlineData("postgres://ana@localhost", "database name is missing")]
    [InlineData("postgres://ana@localhost/", "one database name")]
    [InlineData("postgres://ana@localhost:99999/db", "port '99999'")]
    [InlineData("postgres://ana@localhost:x/db", "port 'x'")]
    [InlineData("postgres://ana@:5432/db", "host is missing")]
    [InlineData("postgres://ana@h/db?sslmode=require", "no ?options")]
    [InlineData("clickhouse://h/db?cluster=c", "needs both")]
    [InlineData("clickhouse://h/db?shards=a:1", "needs both")]
    [InlineData("clickhouse://h/db?cluster=c&shards=a", "shard 'a' needs HOST:PORT")]
    [InlineData("clickhouse://h/db?colour=red", "option 'colour'")]
    [InlineData("mysql://h/db", "postgres://, postgresql://, clickhouse:// or duckdb:")]
    [InlineData("duckdb:", "duckdb:PATH")]
    [InlineData("", "a store file path")]
    public void A_bad_url_is_refused_in_one_line_naming_the_value_and_what_was_expected(string text, string expected)
    {
        var error = Assert.Throws<SextantException>(() => StoreUrl.Parse(text, NoEnvironment));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_refusal_never_shows_the_password()
    {
        var error = Assert.Throws<SextantException>(() => StoreUrl.Parse("postgres://ana:topsecret@h:0/db", NoEnvironment));

        Assert.DoesNotContain("topsecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://ana:***@h:0/db", error.Message, StringComparison.Ordinal);
    }
}
