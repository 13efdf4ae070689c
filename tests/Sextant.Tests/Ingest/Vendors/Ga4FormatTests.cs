using System.Text.Json;
using System.Text.RegularExpressions;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Tests.Support;

namespace Sextant.Tests.Ingest.Vendors;

/// <summary>GA4 BigQuery export rows as JSON lines: the published sample rows, then hand-made rows whose stored records are worked out by hand.</summary>
public sealed partial class Ga4FormatTests
{
    /// <summary>A sign-up of u1 on 2024-03-01 12:00:00.123456 UTC from an iPhone, with both ids, typed parameters and user properties.</summary>
    private const string SignUp =
        """{"event_date":"20240301","event_timestamp":"1709294400123456","event_name":"sign_up","event_params":[{"key":"method","value":{"string_value":"email","int_value":null,"float_value":null,"double_value":null}},{"key":"ga_session_id","value":{"string_value":null,"int_value":"1709294000"}},{"key":"step","value":{"int_value":"2"}},{"key":"score","value":{"double_value":1.5}},{"key":"unset","value":{"string_value":null,"int_value":null,"float_value":null,"double_value":null}}],"user_id":"u1","user_pseudo_id":"p1.1709294000","user_properties":[{"key":"plan","value":{"string_value":"pro","set_timestamp_micros":"1709294400000000"}},{"key":"team_size","value":{"int_value":"12","set_timestamp_micros":"1709294400000000"}}],"device":{"category":"mobile","operating_system":"iOS"},"geo":{"country":"France","city":"Lyon"},"traffic_source":{"name":"spring","medium":"cpc","source":"google"},"platform":"IOS","ecommerce":null}""";

    [Fact]
    public void The_published_sample_rows_are_read_as_ga4_and_stored_with_sessions_per_browser()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var forms = directory.Write("form_events.jsonl", JsRowsAsJsonLines("dataform-ga4-sessions_form_events_input.js"));
        var purchase = directory.Write("purchase.jsonl", JsRowsAsJsonLines("dataform-ga4-sessions_purchase_input.js"));

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([forms, purchase]);

        Assert.Equal(["ga4", "ga4"], result.Files.Select(f => f.Format));
        Assert.Equal((5L, 5L, 0L, 0L), (result.Read, result.Inserted, result.Duplicates, result.Quarantined));
        Assert.Equal(
            ["form_submit 1702644792859982", "session_start 1702644703708028", "form_start 1702644765678503", "generate_lead 1702644792816784", "purchase 1702651559604143"],
            store.Events.Select(e => $"{e.Event} {e.Timestamp.UnixMicroseconds}"));
        Assert.All(store.Events.Take(4), e => Assert.Equal(("1385813245.1702644703", "1385813245.1702644703:1702644703", "web"), (e.AnonymousId, e.SessionId, e.Platform)));
        Assert.Empty(store.Users);

        var sale = store.Events[4];
        Assert.Equal((null, "427292018.1702650951", "427292018.1702650951:1702650951", 31.0m, "ga4"), (sale.UserId, sale.AnonymousId, sale.SessionId, sale.Revenue, sale.Source));
        using var properties = JsonDocument.Parse(sale.PropertiesJson);
        var root = properties.RootElement;
        Assert.Equal(("EUR", 31m, 4.9495798319328m, "Germany", "cpc", "google", "desktop"),
            (root.GetProperty("currency").GetString(), root.GetProperty("value").GetDecimal(), root.GetProperty("tax").GetDecimal(),
             root.GetProperty("country").GetString(), root.GetProperty("traffic_medium").GetString(), root.GetProperty("traffic_source").GetString(),
             root.GetProperty("device_category").GetString()));
        Assert.Equal(2, root.GetProperty("items").GetArrayLength());
        Assert.False(root.TryGetProperty("ga_session_id", out _));
    }

    [Fact]
    public void A_row_becomes_an_event_with_typed_parameters_and_a_profile_update_from_its_user_properties()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var file = directory.Write("events.jsonl", SignUp + "\n");

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([file]);

        // One row, two records: the event and the profile update.
        Assert.Equal((2L, 2L, 0L, 0L), (result.Read, result.Inserted, result.Duplicates, result.Quarantined));
        var stored = Assert.Single(store.Events);
        Assert.StartsWith("sx-", stored.EventId, StringComparison.Ordinal);
        Assert.Equal(
            new EventRecord(stored.EventId, "u1", "p1.1709294000", "sign_up", new Timestamp(1_709_294_400_123_456), "ios", "p1.1709294000:1709294000", null, null,
                """{"method":"email","step":2,"score":1.5,"country":"France","city":"Lyon","device_category":"mobile","os":"iOS","traffic_source":"google","traffic_medium":"cpc","traffic_campaign":"spring"}""",
                "ga4"),
            stored);
        Assert.Equal(new UserProfile("u1", null, null, "cpc", "pro", null, null, null, """{"team_size":12}"""), store.Users["u1"]);
    }

    [Fact]
    public void A_row_exported_twice_is_stored_once_by_its_content_hash()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var row = """{"event_timestamp":1709294400000000,"event_name":"page_view","user_pseudo_id":"p1","event_params":[{"key":"page_location","value":{"string_value":"https://example.com/"}}]}""";
        var other = row.Replace("https://example.com/", "https://example.com/pricing", StringComparison.Ordinal);
        var file = directory.Write("events.jsonl", $"{row}\n{row}\n{other}\n");
        var ingestor = new Ingestor(store, new IngestOptions(), FixedClock.At2026);

        var first = ingestor.Ingest([file]);
        var again = ingestor.Ingest([file]);

        Assert.Equal((3L, 2L, 1L), (first.Read, first.Inserted, first.Duplicates));
        Assert.Equal((3L, 0L, 3L), (again.Read, again.Inserted, again.Duplicates));
        Assert.Equal(2, store.Events.Count);
    }

    [Fact]
    public void Without_a_platform_column_the_device_category_is_the_platform_and_a_profile_needs_a_user_id()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        var tablet = """{"event_timestamp":"1709294400000000","event_name":"open","user_pseudo_id":"p1","device":{"category":"tablet"},"user_properties":[{"key":"plan","value":{"string_value":"free"}}]}""";
        var file = directory.Write("events.jsonl", tablet + "\n");

        var result = new Ingestor(store, new IngestOptions(), FixedClock.At2026).Ingest([file]);

        Assert.Equal((1L, 1L), (result.Read, result.Inserted));
        Assert.Equal(("tablet", null), (Assert.Single(store.Events).Platform, Assert.Single(store.Events).SessionId));
        Assert.Empty(store.Users);
    }

    [Fact]
    public void Bad_rows_are_quarantined_with_the_reason_and_the_rest_are_stored()
    {
        using var directory = new TempDirectory();
        var store = new InMemoryStoreWriter(directory.File("memory"));
        string[] lines =
        [
            """{"event_timestamp":"1709294400000000","event_name":"ok","user_pseudo_id":"p1","event_params":[]}""",
            """{"event_timestamp":"yesterday","event_name":"x","user_pseudo_id":"p1"}""",
            """{"event_name":"x","user_pseudo_id":"p1","event_params":[]}""",
            """{"event_timestamp":"1709294400000000","event_name":"x","event_params":[]}""",
            """{"event_timestamp":"1709294400000000","event_name":"x","user_pseudo_id":"p1","event_params":{"a":1}}""",
            """{"event_timestamp":"1709294400000000","event_name":"x","user_pseudo_id":"p1","event_params":[{"value":{"string_value":"a"}}]}""",
            """[1,2]""",
            """{"event_timestamp":"946684799000000","event_name":"x","user_pseudo_id":"p1"}""",
        ];
        var file = directory.Write("events.jsonl", string.Join('\n', lines) + "\n");

        var result = new Ingestor(store, new IngestOptions { Format = "ga4" }, FixedClock.At2026).Ingest([file]);

        Assert.Equal((8L, 1L, 7L), (result.Read, result.Inserted, result.Quarantined));
        Assert.Equal(
        [
            "2: event_timestamp 'yesterday' is not Unix microseconds",
            "3: no event_timestamp",
            "4: missing both user_id and anonymous_id",
            "5: event_params is not an array of {key, value} (found object)",
            "6: event_params[0] has no key (expected {\"key\": …, \"value\": {\"string_value\": …}})",
            "7: expected a JSON object, found array",
            "8: timestamp '1999-12-31T23:59:59.000000Z' is out of range (expected between 2000-01-01 and one day after the import time, 2026-06-02T12:00:00Z)",
        ], Quarantine(directory).Select(q => $"{q.GetProperty("line").GetInt64()}: {q.GetProperty("reason").GetString()}"));
    }

    /// <summary>The quarantine file's rows.</summary>
    private static JsonElement[] Quarantine(TempDirectory directory)
    {
        var path = directory.File("memory") + ".quarantine.jsonl";
        return File.Exists(path) ? [.. File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.Clone())] : [];
    }

    /// <summary>
    /// The rows of a sample file, a JavaScript module (<c>const rows = [...]</c> with unquoted keys
    /// and trailing commas), as JSON lines: keys quoted, trailing commas dropped, one row a line.
    /// </summary>
    internal static string JsRowsAsJsonLines(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(FixtureDirectory("ga4"), fileName));
        var array = text[text.IndexOf('[', StringComparison.Ordinal)..(text.LastIndexOf(']') + 1)];
        var json = TrailingComma().Replace(UnquotedKey().Replace(array, "$1\"$2\":"), "$1");
        using var rows = JsonDocument.Parse(json);
        return string.Concat(rows.RootElement.EnumerateArray().Select(row => row.GetRawText().ReplaceLineEndings("") + "\n"));
    }

    /// <summary>The fixtures folder of one vendor in the source tree (the files are not copied to the output).</summary>
    internal static string FixtureDirectory(string vendor)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx")))
                return Path.Combine(directory.FullName, "tests", "Sextant.Tests", "Ingest", "Vendors", "Fixtures", vendor);
        throw new InvalidOperationException("Sextant.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?m)^(\s*)([A-Za-z_][A-Za-z0-9_]*):")]
    private static partial Regex UnquotedKey();

    [GeneratedRegex(@",(\s*[}\]])")]
    private static partial Regex TrailingComma();
}
