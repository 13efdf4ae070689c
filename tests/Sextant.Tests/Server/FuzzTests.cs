using System.Globalization;
using System.Text;
using Sextant.Application.Requests;
using Sextant.Server;
using Sextant.Server.Access;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>
/// Random query strings against every GET endpoint and random bodies against every POST endpoint
/// the server maps (read from routing, so endpoints added later are fuzzed too): never a 5xx, and
/// every 4xx of the API is a problem document. Seeded, so a failure names a case that can be run again.
/// </summary>
public sealed class FuzzTests
{
    private const int CasesPerEndpoint = 300;

    // Field names the endpoints read, so many cases get past "unknown field" into the parsing of values.
    private static readonly string[] Fields =
    [
        "steps", "window", "breakdown", "from", "to", "cohort", "limit", "name", "period", "mode", "metric", "since",
        "role", "user_ids", "by", "pseudonymise", "analysis", "segment", "filter", "event", "events", "user_id",
        "event_id", "timestamp", "properties", "strict", "order", "variant", "experiment", "start", "end", "json", "id",
    ];

    private static readonly string[] Values =
    [
        "", " ", "signup", "signup,create_page", "signup,create_page,edit_page", "signup,,", ",", "7d", "0d", "-7d", "30m", "99999999999d",
        "2025-01-01", "2025-02-30", "2025-13-01", "0001-01-01", "9999-12-31", "2025-03-01T00:00:00Z", "2025-03-01T25:00:00+99:00",
        "0", "-1", "1", "3", "2147483648", "-2147483649", "99999999999999999999999999", "1e308", "-1e308", "NaN", "Infinity", "0x10",
        "true", "false", "day", "week", "month", "on", "unbounded", "segment", "plan", "event.platform", "cohort.nope", "user.",
        "read", "write", "admin", "funnel", "ünïcødé", "日本語", "🚀🚀", "\u0000", "\u202e", "\ud800", "%", "%zz", "%00", "a=b", "&&", "\"", "'; DROP TABLE api_keys; --",
        "..", "../../etc/passwd", "{}", "[]", "null", "[\"a\"]",
    ];

    // JSON strings as a client may write them, escapes a serializer would never produce among them.
    private static readonly string[] RawStrings = ["\"\\ud800\"", "\"a\\udfffb\"", "\"\\u0000\"", "\"\\ud83d\\ude80\"", "\"\\/\\b\\f\"", "\"\\x41\"", "\"\\u12\""];

    [Fact]
    public async Task Random_query_strings_never_get_a_server_error()
    {
        await using var server = await Server();
        var random = new Random(20261206);
        var failures = new List<string>();
        var endpoints = EndpointCatalog.Of(server.Endpoints()).Where(e => e.Method == "GET").ToList();
        Assert.NotEmpty(endpoints);
        using var client = server.Client();
        foreach (var endpoint in endpoints)
            for (var i = 0; i < CasesPerEndpoint; i++)
            {
                var url = endpoint.Path(RandomPathValue(random)) + "?" + RandomQuery(random);
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + url));
                await Check(client, request, $"{endpoint} case {i}: {url}", failures);
            }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    [Fact]
    public async Task Random_bodies_never_get_a_server_error()
    {
        await using var server = await Server();
        var random = new Random(6122026);
        var failures = new List<string>();
        var endpoints = EndpointCatalog.Of(server.Endpoints()).Where(e => e.Method is "POST" or "PUT" or "PATCH").ToList();
        Assert.NotEmpty(endpoints);
        using var client = server.Client();
        foreach (var endpoint in endpoints)
            for (var i = 0; i < CasesPerEndpoint; i++)
            {
                var (kind, body) = RandomBody(random);
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path(RandomPathValue(random)))
                {
                    Content = new ByteArrayContent(body),
                };
                var type = random.Next(5) switch
                {
                    0 => "application/json",
                    1 => "application/x-ndjson",
                    2 => "text/plain",
                    3 => "application/octet-stream",
                    _ => null,
                };
                if (type is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                var shown = body.Length > 200 ? Encoding.UTF8.GetString(body, 0, 200) + "…" : Encoding.UTF8.GetString(body);
                await Check(client, request, $"{endpoint} case {i} ({kind}, {body.Length:N0} bytes): {shown}", failures);
            }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    private const string AdminKey = "fuzz";

    private string _adminText = "";

    /// <summary>A server with an admin key the fuzz calls with, so a key made by a random body changes nothing.</summary>
    private async Task<StoreServer> Server()
    {
        string text = "";
        var server = await StoreServer.Generated(keys => text = keys.Create(ApiRole.Admin, AdminKey).Text);
        _adminText = text;
        return server;
    }

    private async Task Check(HttpClient client, HttpRequestMessage request, string label, List<string> failures)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminText);
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status >= 500) failures.Add($"{status} for {label}: {await response.Content.ReadAsStringAsync()}");
        // The API's errors are problem documents; endpoints outside it (the OpenAPI document, pages) only must not fail.
        else if (status >= 400 && label.Contains(" /api/", StringComparison.Ordinal)
                 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            failures.Add($"{status} without problem+json ({response.Content.Headers.ContentType}) for {label}");
    }

    /// <summary>A random route value: Kestrel turns a path with a NUL away (400) before any endpoint, and the test server cannot send one.</summary>
    private static string RandomPathValue(Random random) => RandomValue(random).Replace("\0", "", StringComparison.Ordinal);

    private static string RandomValue(Random random) => random.Next(4) switch
    {
        0 => Values[random.Next(Values.Length)],
        1 => RandomText(random, random.Next(0, 12)),
        2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        _ => string.Join(",", Enumerable.Range(0, random.Next(1, 6)).Select(_ => Values[random.Next(Values.Length)])),
    };

    private const string Symbols = "_-.,:;/\\%&=+#?[]{}\"'";

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
            text.Append(random.Next(6) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(0xa0, 0x800),
                2 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1F6FF)),
                3 => (char)random.Next(0, 0x20),
                4 => (char)random.Next(0x4e00, 0x9fff),
                _ => Symbols[random.Next(Symbols.Length)],
            });
        return text.ToString();
    }

    private static string RandomQuery(Random random)
    {
        var parts = new List<string>();
        var count = random.Next(0, 7);
        for (var i = 0; i < count; i++)
        {
            var name = random.Next(3) == 0 ? RandomText(random, random.Next(0, 8)) : Fields[random.Next(Fields.Length)];
            var value = random.Next(12) == 0 ? new string('9', random.Next(20, 400)) : RandomValue(random);
            // Mostly well encoded; sometimes raw, so the server meets stray '%', '&' and '=' too.
            var encode = random.Next(4) != 0;
            parts.Add(random.Next(15) == 0 ? (encode ? Uri.EscapeDataString(name) : name)
                : (encode ? Uri.EscapeDataString(name) : name) + "=" + (encode ? Uri.EscapeDataString(value) : value));
            if (random.Next(8) == 0) parts.Add(parts[^1]);
        }
        return string.Join("&", parts);
    }

    private static (string Kind, byte[] Body) RandomBody(Random random)
    {
        switch (random.Next(7))
        {
            case 0:
                return ("json", Encoding.UTF8.GetBytes(RandomJson(random, 0)));
            case 1:
                {
                    var json = Encoding.UTF8.GetBytes(RandomJson(random, 0));
                    return ("truncated json", json[..random.Next(json.Length + 1)]);
                }
            case 2:
                {
                    var bytes = new byte[random.Next(0, 4096)];
                    random.NextBytes(bytes);
                    return ("bytes", bytes);
                }
            case 3:
                {
                    var depth = random.Next(50, 5000);
                    var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                    var close = open == "[" ? "]" : "}";
                    return ("deep", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth))));
                }
            case 4:
                {
                    // Large, yet within the events endpoint's byte limit: up to 900 KB of items.
                    var items = random.Next(1_000, 100_000);
                    var item = random.Next(3) switch { 0 => "1", 1 => "\"signup\"", _ => "{}" };
                    var field = Fields[random.Next(Fields.Length)];
                    var array = "[" + string.Join(",", Enumerable.Repeat(item, items)) + "]";
                    var body = random.Next(2) == 0 ? array : $"{{\"{field}\": {array}}}";
                    return ("huge array", Encoding.UTF8.GetBytes(body.Length > EventEndpointsLimits.MaxBodyBytes ? array[..EventEndpointsLimits.MaxBodyBytes] : body));
                }
            case 5:
                {
                    var lines = Enumerable.Range(0, random.Next(1, 20)).Select(_ => random.Next(4) == 0 ? RandomText(random, 10) : RandomJson(random, 1));
                    return ("ndjson", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
                }
            default:
                {
                    var analysis = random.Next(3) == 0 ? RandomValue(random) : AnalysisRequests.All[random.Next(AnalysisRequests.All.Count)].Name;
                    var fields = Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"{Quote(Fields[random.Next(Fields.Length)])}: {RandomJson(random, 2)}");
                    return ("document", Encoding.UTF8.GetBytes($"{{\"analysis\": {Quote(analysis)}{string.Concat(fields.Select(f => ", " + f))}}}"));
                }
        }
    }

    private static string RandomJson(Random random, int depth) => (depth > 3 ? random.Next(5) : random.Next(8)) switch
    {
        0 => Quote(RandomValue(random)),
        1 => random.Next(3) == 0 ? "1e999" : random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
        2 => random.Next(2) == 0 ? "true" : "null",
        3 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? "999999999" : ""),
        4 => random.Next(4) == 0 ? RawStrings[random.Next(RawStrings.Length)] : Quote(Values[random.Next(Values.Length)]),
        5 or 6 => "{" + string.Join(", ", Enumerable.Range(0, random.Next(0, 6)).Select(_ =>
            $"{(random.Next(20) == 0 ? RawStrings[random.Next(RawStrings.Length)] : Quote(random.Next(3) == 0 ? RandomText(random, 5) : Fields[random.Next(Fields.Length)]))}: {RandomJson(random, depth + 1)}")) + "}",
        _ => "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomJson(random, depth + 1))) + "]",
    };

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
