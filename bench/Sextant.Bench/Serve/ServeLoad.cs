using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sextant.Bench.Serve;

/// <summary>
/// Load on a running <c>sextant serve</c>: reader clients cycle through a mix of analysis
/// requests while writer clients post batches of new events with unique ids, for a fixed time.
/// Every answer is checked (status 200; a post inserts every event it sent), and the latency of
/// each request is kept per label. Shared by the <c>serve-load</c> bench mode and the bounded
/// load test.
/// </summary>
internal static class ServeLoad
{
    /// <summary>One request of the read mix.</summary>
    public sealed record Request(string Label, string Path, string? Document = null);

    /// <summary>What the run saw.</summary>
    public sealed record Outcome(IReadOnlyDictionary<string, IReadOnlyList<double>> MillisecondsByLabel, IReadOnlyList<string> Errors,
        TimeSpan Elapsed, long EventsPosted, long EventsInserted, long LastTableEvents)
    {
        public long Requests => MillisecondsByLabel.Values.Sum(l => (long)l.Count);
    }

    /// <summary>
    /// The read mix on a store of the notion scenario: funnels of several shapes over the query
    /// string and as query documents (<c>POST /api/v1/analysis/run</c>).
    /// </summary>
    public static IReadOnlyList<Request> NotionMix { get; } =
    [
        new("GET funnel", "/api/v1/funnel?steps=signup,create_page,edit_page&window=7d"),
        new("GET funnel by segment", "/api/v1/funnel?steps=signup,create_page,invite_member&window=14d&breakdown=segment&from=2024-01-01&to=2024-12-31"),
        new("POST analysis/run funnel", "/api/v1/analysis/run", """{"analysis": "funnel", "steps": "signup,create_page", "window": "30d", "breakdown": ["plan", "channel"], "limit": 5}"""),
        new("GET metrics/north-star", "/api/v1/metrics/north-star"),
        new("GET metrics/engagement", "/api/v1/metrics/engagement?period=week&breakdown=segment"),
        new("GET cohorts/retention", "/api/v1/cohorts/retention?period=month&mode=on"),
    ];

    /// <summary>Runs <paramref name="readers"/> + <paramref name="writers"/> clients against <paramref name="baseUrl"/> for <paramref name="duration"/>.</summary>
    public static async Task<Outcome> Run(Uri baseUrl, IReadOnlyList<Request> reads, int readers, int writers, int eventsPerPost, TimeSpan duration, string? key = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = readers + writers }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var errors = new List<string>();
        var latencies = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var run = Guid.NewGuid().ToString("N")[..8];
        long posted = 0, inserted = 0, lastTable = 0;
        var watch = Stopwatch.StartNew();
        var deadline = watch.Elapsed + duration;

        void Record(string label, double milliseconds, string? error)
        {
            lock (latencies)
            {
                if (!latencies.TryGetValue(label, out var list)) latencies[label] = list = [];
                list.Add(milliseconds);
                if (error is not null) errors.Add($"{label}: {error}");
            }
        }

        async Task Reader(int client)
        {
            for (var i = client; watch.Elapsed < deadline; i++)
            {
                var request = reads[i % reads.Count];
                var started = watch.Elapsed;
                using var response = request.Document is null
                    ? await http.GetAsync(request.Path)
                    : await http.PostAsync(request.Path, new StringContent(request.Document, Encoding.UTF8, "application/json"));
                var body = await response.Content.ReadAsStringAsync();
                Record(request.Label, (watch.Elapsed - started).TotalMilliseconds,
                    response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            }
        }

        async Task Writer(int client)
        {
            for (var batch = 0; watch.Elapsed < deadline; batch++)
            {
                var rows = new StringBuilder();
                for (var e = 0; e < eventsPerPost; e++)
                {
                    var user = $"load-{run}-{client}-{batch}-{e % 10}";
                    var name = e % 10 == 0 ? "signup" : "create_page";
                    var at = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(batch * 100 + e).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    rows.Append(CultureInfo.InvariantCulture, $$"""{"event_id":"load-{{run}}-{{client}}-{{batch}}-{{e}}","user_id":"{{user}}","event":"{{name}}","timestamp":"{{at}}"}""").Append('\n');
                }
                var started = watch.Elapsed;
                using var response = await http.PostAsync("/api/v1/events", new StringContent(rows.ToString(), Encoding.UTF8, "application/x-ndjson"));
                var body = await response.Content.ReadAsStringAsync();
                string? error = null;
                if (!response.IsSuccessStatusCode) error = $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}";
                else
                {
                    var answer = JsonDocument.Parse(body).RootElement;
                    var count = answer.GetProperty("inserted").GetInt64();
                    Interlocked.Add(ref inserted, count);
                    if (count != eventsPerPost || answer.GetProperty("received").GetInt64() != eventsPerPost)
                        error = $"sent {eventsPerPost} new events, {count} inserted: {body[..Math.Min(200, body.Length)]}";
                    var table = answer.GetProperty("table_events").GetInt64();
                    lock (latencies) lastTable = Math.Max(lastTable, table);
                }
                Interlocked.Add(ref posted, eventsPerPost);
                Record("POST events", (watch.Elapsed - started).TotalMilliseconds, error);
            }
        }

        await Task.WhenAll([.. Enumerable.Range(0, readers).Select(c => Task.Run(() => Reader(c))), .. Enumerable.Range(0, writers).Select(c => Task.Run(() => Writer(c)))]);
        return new Outcome(latencies.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value, StringComparer.Ordinal), errors, watch.Elapsed, posted, inserted, lastTable);
    }

    /// <summary>The <paramref name="quantile"/> (0 to 1) of the values, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[(int)Math.Clamp(Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
