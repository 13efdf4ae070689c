using System.Net.Http.Headers;

namespace Sextant.Bench.Compare;

/// <summary>
/// ClickHouse's HTTP interface through HttpClient: statements in the request body, results as
/// TabSeparated text, inserts streamed from a file. (The ClickHouse.Driver package refuses a
/// server as old as Debian's 18.16.)
/// </summary>
internal sealed class ClickHouseHttp(Uri endpoint) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = endpoint, Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The server's HTTP address.</summary>
    public Uri Endpoint => endpoint;

    /// <summary>Runs a statement that returns nothing.</summary>
    public void Execute(string sql) => Send(new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(sql) });

    /// <summary>Runs a query and returns its rows, each as its text fields.</summary>
    public List<string[]> Query(string sql)
    {
        var text = Send(new HttpRequestMessage(HttpMethod.Post, "?default_format=TabSeparated") { Content = new StringContent(sql) });
        // The questions return numbers and dates only, so no field holds an escaped tab or newline.
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))];
    }

    /// <summary>Streams a CSV file with a header row into <paramref name="table"/>; timestamps in ISO 8601 with a zone.</summary>
    public void InsertCsv(string table, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var content = new StreamContent(file, 1 << 20);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var query = Uri.EscapeDataString($"INSERT INTO {table} FORMAT CSVWithNames");
        Send(new HttpRequestMessage(HttpMethod.Post, $"?query={query}&date_time_input_format=best_effort") { Content = content });
    }

    public void Dispose() => _client.Dispose();

    private string Send(HttpRequestMessage request)
    {
        using (request)
        using (var response = _client.Send(request, HttpCompletionOption.ResponseContentRead))
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"ClickHouse answered {(int)response.StatusCode}: {body.Split('\n')[0]}");
            return body;
        }
    }
}
