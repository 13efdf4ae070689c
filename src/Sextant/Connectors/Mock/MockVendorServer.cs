using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Sextant.Connectors.Mock;

/// <summary>
/// Answers as a vendor's export API would, with <see cref="MockJourneys"/> as its data: Mixpanel's
/// JSON lines (gzipped when asked), Amplitude's zip of gzipped hourly JSON-lines files (404 for
/// an empty range), PostHog's pages of events with next links. It checks the Authorization header
/// like the real service (401 otherwise), so the client's code path is the real one.
/// </summary>
internal sealed class MockVendorServer(MockJourneys journeys, AuthenticationHeaderValue expected, int postHogPageSize = 100)
{
    /// <summary>The credentials the mock accepts (and <c>--mock</c> sends).</summary>
    public static AuthenticationHeaderValue MockAuthorization(string vendor) =>
        vendor == "posthog" ? ConnectorSettings.Bearer("phx_mock") : ConnectorSettings.Basic("mock-user", "mock-secret");

    /// <summary>The mock's project id, where the vendor's API takes one.</summary>
    public const string ProjectId = "1";

    /// <summary>What a client needs to reach the mock of <paramref name="vendor"/> at <paramref name="baseUrl"/>; its checkpoints are kept apart from the real service's.</summary>
    public static ConnectorSettings Settings(string vendor, string baseUrl) =>
        new(vendor, baseUrl, MockAuthorization(vendor), vendor == "posthog" ? ProjectId : null, "the mock's built-in credentials", $"{vendor} mock");

    /// <summary>The answer to one request.</summary>
    public LoopbackResponse Answer(LoopbackRequest request)
    {
        if (request.Header("Authorization") != expected.ToString())
            return LoopbackResponse.Text(401, "{\"error\": \"Invalid credentials\"}", "application/json");
        return request.Path switch
        {
            "/api/2.0/export" => Mixpanel(request),
            "/api/2/export" => Amplitude(request),
            "/api/projects/" + ProjectId + "/events/" or "/api/projects/" + ProjectId + "/events" => PostHog(request),
            _ => LoopbackResponse.Text(404, $"no such endpoint: {request.Path}"),
        };
    }

    private LoopbackResponse Mixpanel(LoopbackRequest request)
    {
        var from = Date(request.Parameter("from_date"), "yyyy-MM-dd");
        var to = Date(request.Parameter("to_date"), "yyyy-MM-dd");
        if (from is null || to is null) return LoopbackResponse.Text(400, "from_date and to_date (yyyy-mm-dd) are required");
        var lines = new StringBuilder();
        for (var day = from.Value; day <= to.Value; day = day.AddDays(1))
            foreach (var e in journeys.EventsOn(day)) lines.Append(MockWire.Mixpanel(e).ToJsonString()).Append('\n');
        var body = Encoding.UTF8.GetBytes(lines.ToString());
        var headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain; charset=utf-8" };
        if (request.Header("Accept-Encoding")?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Gzip(body);
            headers["Content-Encoding"] = "gzip";
        }
        return new LoopbackResponse(200, body, headers);
    }

    private LoopbackResponse Amplitude(LoopbackRequest request)
    {
        var start = Hour(request.Parameter("start"));
        var end = Hour(request.Parameter("end"));
        if (start is null || end is null || end < start) return LoopbackResponse.Text(400, "start and end (YYYYMMDDTHH) are required");
        var entries = new List<(string Name, byte[] Data)>();
        for (var hour = start.Value; hour <= end.Value; hour = hour.AddHours(1))
        {
            var events = journeys.EventsOn(DateOnly.FromDateTime(hour.UtcDateTime)).Where(e => e.Time >= hour && e.Time < hour.AddHours(1)).ToList();
            if (events.Count == 0) continue;
            var lines = string.Concat(events.Select(e => MockWire.Amplitude(e).ToJsonString() + "\n"));
            entries.Add(($"{ProjectId}/{ProjectId}_{hour.UtcDateTime:yyyy-MM-dd}_{hour.Hour}#0.json.gz", Gzip(Encoding.UTF8.GetBytes(lines))));
        }
        if (entries.Count == 0) return LoopbackResponse.Text(404, "Raw data files were not found.");
        return new LoopbackResponse(200, Zip(entries), new Dictionary<string, string> { ["Content-Type"] = "application/zip" });
    }

    private LoopbackResponse PostHog(LoopbackRequest request)
    {
        if (!DateTimeOffset.TryParse(request.Parameter("after"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after)
            || !DateTimeOffset.TryParse(request.Parameter("before"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var before))
            return LoopbackResponse.Text(400, "{\"detail\": \"after and before are required\"}", "application/json");
        var limit = int.TryParse(request.Parameter("limit"), CultureInfo.InvariantCulture, out var asked) ? Math.Min(asked, postHogPageSize) : postHogPageSize;
        var offset = int.TryParse(request.Parameter("offset"), CultureInfo.InvariantCulture, out var skip) ? skip : 0;
        var events = new List<MockEvent>();
        for (var day = DateOnly.FromDateTime(after.UtcDateTime); day <= DateOnly.FromDateTime(before.UtcDateTime); day = day.AddDays(1))
            events.AddRange(journeys.EventsOn(day).Where(e => e.Time > after && e.Time < before));
        // Newest first, as PostHog lists events.
        var page = events.OrderByDescending(e => e.Time).Skip(offset).Take(limit).ToList();
        var results = new JsonArray([.. page.Select(e => (JsonNode)MockWire.PostHog(e))]);
        string? next = offset + limit < events.Count
            ? $"/api/projects/{ProjectId}/events/?after={Uri.EscapeDataString(request.Parameter("after")!)}&before={Uri.EscapeDataString(request.Parameter("before")!)}&limit={limit}&offset={offset + limit}"
            : null;
        var body = new JsonObject { ["next"] = next, ["results"] = results };
        return LoopbackResponse.Text(200, body.ToJsonString(), "application/json");
    }

    private static DateOnly? Date(string? text, string format) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DateTimeOffset? Hour(string? text) =>
        DateTime.TryParseExact(text, "yyyyMMdd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var hour)
            ? new DateTimeOffset(hour, TimeSpan.Zero) : null;

    /// <summary>Gzip of the bytes (what a test cuts to make a body that ends early).</summary>
    public static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>A zip archive of the entries, stored as given.</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Data)> entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(data);
            }
        }
        return output.ToArray();
    }
}
