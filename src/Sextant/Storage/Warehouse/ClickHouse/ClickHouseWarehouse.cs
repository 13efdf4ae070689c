using System.Net.Http.Headers;
using System.Text;

namespace Sextant.Storage.Warehouse.ClickHouse;

/// <summary>
/// A ClickHouse server, or a cluster of shards, as a warehouse, over the HTTP interface only
/// (drivers refuse servers as old as 18.16). Answers come back as TabSeparated and are parsed
/// while they stream; inserts are one POST whose TabSeparated body is written while it is sent.
/// ClickHouse has no transactions, so <see cref="InTransaction"/> runs its body as is.
/// </summary>
public sealed class ClickHouseWarehouse : IWarehouse
{
    // Answers smaller than this are held back until the query ends, so an error in them comes as
    // an HTTP error rather than as text after a 200; larger answers stream.
    private const int ServerBufferBytes = 1 << 20;

    private readonly HttpClient _client;
    private readonly StoreUrl _url;

    private ClickHouseWarehouse(StoreUrl url, HttpClient client)
    {
        _url = url;
        _client = client;
    }

    /// <inheritdoc/>
    public SqlDialect Dialect => SqlDialect.ClickHouse;

    /// <inheritdoc/>
    public string Location => _url.Redacted;

    /// <summary>The cluster's name as in the servers' <c>remote_servers</c>, or null for one server.</summary>
    public string? Cluster => _url.Cluster;

    /// <summary>Each shard's HTTP address, in shard order; empty for one server.</summary>
    public IReadOnlyList<ShardEndpoint> Shards => _url.Shards;

    /// <summary>The database every statement runs in.</summary>
    public string Database => _url.Database!;

    /// <summary>Connects to the ClickHouse server <paramref name="url"/> names and checks that it answers.</summary>
    /// <exception cref="SextantException">The server cannot be reached or refuses the login.</exception>
    public static ClickHouseWarehouse Open(StoreUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Dialect != SqlDialect.ClickHouse) throw new ArgumentException($"store '{url.Redacted}' is not a ClickHouse URL", nameof(url));
        // Queries run as long as they need, but a server that does not answer at all is reported soon.
        var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) }) { Timeout = Timeout.InfiniteTimeSpan };
        if (url.User is not null || url.Password is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{url.User ?? "default"}:{url.Password}"));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
        var warehouse = new ClickHouseWarehouse(url, client);
        try
        {
            // Without a database: the store's database may not exist yet (EnsureDatabase makes it).
            warehouse.Send(Endpoint(url.Host!, url.Port), "SELECT 1", useDatabase: false, parameters: "");
            return warehouse;
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }
    }

    /// <summary>Creates the store's database where it is missing: on the server and, for a cluster, on every shard.</summary>
    public void EnsureDatabase()
    {
        var create = $"CREATE DATABASE IF NOT EXISTS {Database}";
        Send(Main, create, useDatabase: false, parameters: "");
        foreach (var shard in _url.Shards) Send(Endpoint(shard.Host, shard.Port), create, useDatabase: false, parameters: "", $"{Location} (shard {shard})");
    }

    /// <inheritdoc/>
    public void Execute(string sql)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        Send(Main, sql, useDatabase: true, parameters: "");
    }

    /// <summary>
    /// Runs one statement on each shard's own server, in shard order (the per-shard DDL of a
    /// cluster: the local tables a Distributed table spans). Does nothing for one server.
    /// </summary>
    /// <exception cref="SextantException">A shard refused it or cannot be reached; the message names the shard.</exception>
    public void ExecuteOnEachShard(string sql)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        foreach (var shard in _url.Shards) Send(Endpoint(shard.Host, shard.Port), sql, useDatabase: true, parameters: "", $"{Location} (shard {shard})");
    }

    /// <inheritdoc/>
    public void Read(string sql, Action<IWarehouseRow> onRow)
    {
        ArgumentException.ThrowIfNullOrEmpty(sql);
        ArgumentNullException.ThrowIfNull(onRow);
        using var request = Request(Main, $"&default_format=TabSeparated&buffer_size={ServerBufferBytes}", useDatabase: true);
        request.Content = new StringContent(sql, Encoding.UTF8);
        using var response = Answer(Main, request);
        using var body = new StreamReader(ReadBody(response), Encoding.UTF8, false, 1 << 16);
        var reader = new TabSeparatedReader(body);
        var fields = new List<string?>();
        var row = new TabSeparatedRow(fields);
        while (NextRow(reader, fields))
        {
            // An error after the answer began streaming arrives as text in place of rows.
            if (fields.Count == 1 && fields[0] is { } text && text.StartsWith("Code: ", StringComparison.Ordinal) && text.Contains("Exception", StringComparison.Ordinal))
                throw WarehouseErrors.ClickHouseRefused(Location, text);
            onRow(row);
        }
    }

    /// <inheritdoc/>
    public void Insert(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0) throw new ArgumentException("a bulk insert needs at least one column", nameof(columns));
        var insert = Uri.EscapeDataString($"INSERT INTO {table} ({string.Join(", ", columns)}) FORMAT TabSeparated");
        // Synchronous distributed inserts: rows sent to a Distributed table are on their shards
        // when the request returns, so a count right after an ingest sees them.
        using var request = Request(Main, $"&query={insert}&insert_distributed_sync=1", useDatabase: true);
        request.Content = new TabSeparatedContent(rows, columns.Count, table);
        using var response = Answer(Main, request);
    }

    /// <inheritdoc/>
    public void InTransaction(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        body();
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();

    private Uri Main => Endpoint(_url.Host!, _url.Port);

    private static Uri Endpoint(string host, int port) => new($"http://{StoreUrl.HostPort(host, port)}/");

    private void Send(Uri server, string sql, bool useDatabase, string parameters, string? where = null)
    {
        using var request = Request(server, parameters, useDatabase);
        request.Content = new StringContent(sql, Encoding.UTF8);
        using var response = Answer(server, request, where);
    }

    private HttpRequestMessage Request(Uri server, string parameters, bool useDatabase)
    {
        var database = useDatabase ? $"database={Uri.EscapeDataString(Database)}" : "";
        return new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"?{database}{parameters}"));
    }

    // Sends the request and returns the response once its headers are in; an error status becomes
    // the server's first error line, which is where ClickHouse says what went wrong ("Code: …").
    private HttpResponseMessage Answer(Uri server, HttpRequestMessage request, string? where = null)
    {
        where ??= Location;
        HttpResponseMessage response;
        try
        {
            response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException exception)
        {
            // A bad row found while an insert's body was being written stops the request; say that, not "cannot reach".
            for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            {
                if (inner is SextantException badRow) throw new SextantException(badRow.Message, badRow);
            }
            var failure = exception.HttpRequestError == HttpRequestError.ConnectionError ? "cannot reach" : "lost the connection to";
            throw new SextantException($"{where}: {failure} ClickHouse at {server.Authority}: {Describe(exception)}", exception);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw WarehouseErrors.ClickHouseRefused(where, text);
        }
    }

    // Only the reading is guarded: what the caller's row handler throws is the caller's.
    private bool NextRow(TabSeparatedReader reader, List<string?> fields)
    {
        try
        {
            return reader.ReadRow(fields);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or FormatException)
        {
            throw new SextantException($"{Location}: the answer broke off: {Describe(exception)}", exception);
        }
    }

    private static Stream ReadBody(HttpResponseMessage response) => response.Content.ReadAsStream();

    private static string Describe(Exception exception)
    {
        var text = WarehouseErrors.FirstLine(exception.Message);
        return exception.InnerException is { } inner ? $"{text} ({WarehouseErrors.FirstLine(inner.Message)})" : text;
    }
}
