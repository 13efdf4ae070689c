using System.Globalization;
using System.Text.RegularExpressions;

namespace Sextant.Storage.Warehouse;

/// <summary>Turns store text into a <see cref="StoreUrl"/>; every refusal is one line naming the text and what was expected.</summary>
internal static partial class StoreUrlParser
{
    private const string PostgresForm = "postgres://USER[:PASSWORD]@HOST[:PORT]/DB";
    private const string ClickHouseForm = "clickhouse://HOST[:PORT]/DB[?cluster=NAME&shards=HOST:PORT,HOST:PORT]";

    public static StoreUrl Parse(string text, Func<string, string?> environment)
    {
        if (text.StartsWith("duckdb:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["duckdb:".Length..];
            if (path.Length == 0) throw Bad(text, "duckdb:PATH with the path of a DuckDB file");
            return new StoreUrl { Dialect = SqlDialect.DuckDb, Path = path };
        }

        var scheme = SchemePattern().Match(text);
        if (!scheme.Success)
        {
            if (string.IsNullOrWhiteSpace(text)) throw Bad(text, "a store file path or a postgres://, clickhouse:// or duckdb: URL");
            return new StoreUrl { Path = text };
        }

        var rest = text[scheme.Length..];
        return scheme.Groups[1].Value.ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => Postgres(text, rest, environment),
            "clickhouse" => ClickHouse(text, rest, environment),
            // A path never starts with a URL scheme; a typo in the scheme must not become a new SQLite file.
            _ => throw Bad(text, "a store file path or a postgres://, postgresql://, clickhouse:// or duckdb: URL"),
        };
    }

    private static StoreUrl Postgres(string text, string rest, Func<string, string?> environment)
    {
        var parts = Split(text, rest, PostgresForm);
        if (parts.Query is not null) throw Bad(text, $"{PostgresForm} (no ?options)");
        if (parts.User is null) throw Bad(text, $"{PostgresForm} with a user");
        return new StoreUrl
        {
            Dialect = SqlDialect.PostgreSql,
            Host = parts.Host,
            Port = parts.Port ?? StoreUrl.PostgresDefaultPort,
            Database = parts.Database,
            User = parts.User,
            Password = parts.Password ?? environment("PGPASSWORD"),
        };
    }

    private static StoreUrl ClickHouse(string text, string rest, Func<string, string?> environment)
    {
        var parts = Split(text, rest, ClickHouseForm);
        string? cluster = null;
        List<ShardEndpoint> shards = [];
        if (parts.Query is not null)
        {
            foreach (var pair in parts.Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
                switch (key)
                {
                    case "cluster" when value.Length > 0:
                        cluster = value;
                        break;
                    case "shards" when value.Length > 0:
                        shards = [.. value.Split(',').Select(shard => Shard(text, shard))];
                        break;
                    default:
                        throw Bad(text, $"{ClickHouseForm} (unknown or empty option '{key}')");
                }
            }
            if (cluster is null || shards.Count == 0) throw Bad(text, $"{ClickHouseForm}: a cluster needs both its name and its shards' HTTP addresses");
        }
        return new StoreUrl
        {
            Dialect = SqlDialect.ClickHouse,
            Host = parts.Host,
            Port = parts.Port ?? StoreUrl.ClickHouseDefaultPort,
            Database = parts.Database,
            User = parts.User,
            Password = parts.Password ?? environment("CLICKHOUSE_PASSWORD"),
            Cluster = cluster,
            Shards = shards,
        };

        static ShardEndpoint Shard(string text, string shard)
        {
            var (host, port) = HostAndPort(text, shard, ClickHouseForm);
            return port is null ? throw Bad(text, $"{ClickHouseForm}: shard '{shard}' needs HOST:PORT") : new ShardEndpoint(host, port.Value);
        }
    }

    private readonly record struct Parts(string? User, string? Password, string Host, int? Port, string Database, string? Query);

    // [USER[:PASSWORD]@]HOST[:PORT]/DB[?QUERY]: the password may hold any character but '@' only escaped,
    // so the last '@' before the path ends the credentials.
    private static Parts Split(string text, string rest, string form)
    {
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? null : rest[(question + 1)..];
        var beforeQuery = question < 0 ? rest : rest[..question];
        var slash = beforeQuery.IndexOf('/', beforeQuery.LastIndexOf('@') + 1);
        if (slash < 0) throw Bad(text, $"{form} (the database name is missing)");
        var database = Uri.UnescapeDataString(beforeQuery[(slash + 1)..]);
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal)) throw Bad(text, $"{form} (one database name after the host)");

        var authority = beforeQuery[..slash];
        string? user = null, password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var credentials = authority[..at];
            authority = authority[(at + 1)..];
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? credentials : credentials[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(credentials[(colon + 1)..]);
            if (user.Length == 0) throw Bad(text, $"{form} (the user before '@' is empty)");
        }
        var (host, port) = HostAndPort(text, authority, form);
        return new Parts(user, password, host, port, database, query);
    }

    private static (string Host, int? Port) HostAndPort(string text, string authority, string form)
    {
        string host;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw Bad(text, $"{form} (an IPv6 host in [brackets])");
            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (!after.StartsWith(':')) throw Bad(text, $"{form} (':PORT' after the IPv6 host)");
                portText = after[1..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? null : authority[(colon + 1)..];
        }
        if (host.Length == 0) throw Bad(text, $"{form} (the host is missing)");
        if (portText is null) return (host, null);
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw Bad(text, $"{form} (port '{portText}' is not a number from 1 to 65535)");
        return (host, port);
    }

    private static SextantException Bad(string text, string expected) =>
        new($"store '{Redact(text)}' is not a valid store; expected {expected}");

    // The message names the text as given, without a password that may sit in it.
    private static string Redact(string text) => PasswordPattern().Replace(text, "$1:***@");

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*)://")]
    private static partial Regex SchemePattern();

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?]*):[^@/?]*@")]
    private static partial Regex PasswordPattern();
}
