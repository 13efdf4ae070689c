using System.Globalization;
using Sextant.Analysis;

namespace Sextant.Storage.Warehouse;

/// <summary>
/// Where a store lives, parsed from the text of <c>--store</c> or <c>store:</c> (docs/WAREHOUSE.md):
/// a PostgreSQL, ClickHouse or DuckDB URL, or else the path of an embedded SQLite file.
/// Its text form (<see cref="ToString"/>) is <see cref="Redacted"/>, so a password never reaches a message.
/// </summary>
public sealed record StoreUrl
{
    /// <summary>PostgreSQL's port when the URL names none.</summary>
    public const int PostgresDefaultPort = 5432;

    /// <summary>ClickHouse's HTTP port when the URL names none.</summary>
    public const int ClickHouseDefaultPort = 8123;

    /// <summary>The database's SQL dialect; null for the embedded SQLite store.</summary>
    public SqlDialect? Dialect { get; init; }

    /// <summary>The server's host name or address (PostgreSQL, ClickHouse); null otherwise.</summary>
    public string? Host { get; init; }

    /// <summary>The server's port: PostgreSQL's protocol port or ClickHouse's HTTP port; 0 for files.</summary>
    public int Port { get; init; }

    /// <summary>The database on the server; null for files.</summary>
    public string? Database { get; init; }

    /// <summary>The user to connect as; null when the URL names none (ClickHouse then uses its <c>default</c> user).</summary>
    public string? User { get; init; }

    /// <summary>The password, from the URL or from <c>PGPASSWORD</c> / <c>CLICKHOUSE_PASSWORD</c>; null when none.</summary>
    public string? Password { get; init; }

    /// <summary>The ClickHouse cluster name as in the servers' <c>remote_servers</c>; null for one server.</summary>
    public string? Cluster { get; init; }

    /// <summary>Each shard's HTTP address, in shard order, for the per-shard DDL; empty for one server.</summary>
    public ValueList<ShardEndpoint> Shards { get; init; }

    /// <summary>The file (SQLite or DuckDB) as written; null for servers.</summary>
    public string? Path { get; init; }

    /// <summary>True when the store is a SQL database (PostgreSQL, ClickHouse, DuckDB) rather than the embedded SQLite file.</summary>
    public bool IsWarehouse => Dialect is not null;

    /// <summary>True when the store is a ClickHouse cluster of shards.</summary>
    public bool IsCluster => Cluster is not null;

    /// <summary>The URL as messages may show it: everything but the password.</summary>
    public string Redacted => Dialect switch
    {
        SqlDialect.PostgreSql => $"postgres://{UserPart()}{HostPort(Host!, Port)}/{Database}",
        SqlDialect.ClickHouse => $"clickhouse://{UserPart()}{HostPort(Host!, Port)}/{Database}{ClusterPart()}",
        SqlDialect.DuckDb => $"duckdb:{Path}",
        _ => Path!,
    };

    /// <summary>Parses store text, taking a missing password from the process environment.</summary>
    /// <exception cref="SextantException">The text looks like a URL but is not a valid one.</exception>
    public static StoreUrl Parse(string text) => Parse(text, Environment.GetEnvironmentVariable);

    /// <summary>Parses store text, taking a missing password from <paramref name="environment"/> (a variable name to its value or null).</summary>
    /// <exception cref="SextantException">The text looks like a URL but is not a valid one.</exception>
    public static StoreUrl Parse(string text, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        return StoreUrlParser.Parse(text, environment);
    }

    /// <inheritdoc/>
    public override string ToString() => Redacted;

    private string UserPart() => User is null ? "" : $"{Uri.EscapeDataString(User)}@";

    private string ClusterPart()
    {
        if (Cluster is null) return "";
        var shards = string.Join(",", Shards.Select(shard => shard.ToString()));
        return $"?cluster={Uri.EscapeDataString(Cluster)}&shards={shards}";
    }

    internal static string HostPort(string host, int port) =>
        (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + port.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One ClickHouse shard's HTTP address.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">HTTP port.</param>
public readonly record struct ShardEndpoint(string Host, int Port)
{
    /// <summary>The address as <c>HOST:PORT</c>.</summary>
    public override string ToString() => StoreUrl.HostPort(Host, Port);
}
