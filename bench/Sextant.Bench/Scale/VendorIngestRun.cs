using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Sextant.Ingest;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Scale;

/// <summary>
/// <c>vendor-ingest [--events N] [--users N]</c>: the same events written as a Mixpanel raw export
/// and as canonical JSON lines, each ingested into a fresh embedded store (rows/s, seconds, peak
/// memory), and DuckDB reading the Mixpanel file in the same run (<c>read_json</c>, parse and
/// count only: it stores nothing and dedups nothing), as the yardstick.
/// </summary>
internal static class VendorIngestRun
{
    public static int Run(string[] args)
    {
        var events = LongOption(args, "--events", 1_000_000);
        var users = LongOption(args, "--users", 50_000);
        var directory = Path.Combine(Path.GetTempPath(), "sextant-vendor-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        try
        {
            var mixpanel = Path.Combine(directory, "mixpanel.jsonl");
            var canonical = Path.Combine(directory, "canonical.jsonl");
            Write(mixpanel, canonical, events, users);
            Console.WriteLine($"generated     {events:N0} events: Mixpanel {new FileInfo(mixpanel).Length / 1048576.0:F0} MiB, canonical {new FileInfo(canonical).Length / 1048576.0:F0} MiB");
            Ingest("canonical", canonical, Path.Combine(directory, "canonical.db"), events);
            Ingest("mixpanel", mixpanel, Path.Combine(directory, "mixpanel.db"), events);
            DuckDbRead(mixpanel, events);
            Console.WriteLine($"peak memory   {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB (process)");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Ingest(string name, string file, string store, long events)
    {
        using var writer = SqliteStore.Open(store, create: true);
        var watch = Stopwatch.StartNew();
        var result = new Ingestor(writer, new IngestOptions(), TimeProvider.System).Ingest([file]);
        var elapsed = watch.Elapsed;
        Console.WriteLine($"{name,-13} {events:N0} rows in {elapsed.TotalSeconds:F2} s = {events / elapsed.TotalSeconds:N0} rows/s; inserted {result.Inserted:N0}, duplicates {result.Duplicates:N0}, quarantined {result.Quarantined:N0}; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
    }

    private static void DuckDbRead(string file, long events)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(DISTINCT properties.\"$insert_id\") FROM read_json('{file.Replace("'", "''", StringComparison.Ordinal)}', format = 'newline_delimited')";
        var watch = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        reader.Read();
        var elapsed = watch.Elapsed;
        Console.WriteLine($"duckdb read   {events:N0} rows in {elapsed.TotalSeconds:F2} s = {events / elapsed.TotalSeconds:N0} rows/s (parse and count only; {reader.GetInt64(0):N0} rows, {reader.GetInt64(1):N0} insert ids)");
    }

    /// <summary>Deterministic events: a third anonymous (their device is linked to the user elsewhere), one in a hundred sent twice.</summary>
    private static void Write(string mixpanelPath, string canonicalPath, long events, long users)
    {
        var names = new[] { "Page Viewed", "Signed Up", "Project Created", "Invite Sent", "Purchase" };
        var random = new Random(16);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        using var mixpanel = new StreamWriter(mixpanelPath, false, new UTF8Encoding(false), 1 << 20);
        using var canonical = new StreamWriter(canonicalPath, false, new UTF8Encoding(false), 1 << 20);
        string lastMixpanel = "", lastCanonical = "";
        for (long i = 0; i < events; i++)
        {
            if (i % 100 == 99)
            {
                mixpanel.Write(lastMixpanel);
                canonical.Write(lastCanonical);
                continue;
            }
            var user = random.NextInt64(users);
            var time = start + random.NextInt64(90L * 86_400);
            var name = names[random.Next(names.Length)];
            var insertId = $"i{i}";
            var anonymous = random.Next(3) == 0;
            var distinct = anonymous ? $"$device:d{user}" : $"u{user}";
            var ids = anonymous ? $"\"$device_id\":\"d{user}\"" : $"\"$user_id\":\"u{user}\",\"$device_id\":\"d{user}\"";
            lastMixpanel = $"{{\"event\":\"{name}\",\"properties\":{{\"time\":{time},\"distinct_id\":\"{distinct}\",{ids},\"$insert_id\":\"{insertId}\",\"mp_lib\":\"web\",\"$browser\":\"Chrome\",\"plan\":\"free\"}}}}\n";
            mixpanel.Write(lastMixpanel);
            var userField = anonymous ? "" : $"\"user_id\":\"u{user}\",";
            lastCanonical = $"{{\"event_id\":\"{insertId}\",{userField}\"anonymous_id\":\"d{user}\",\"event\":\"{name}\",\"timestamp\":{time},\"platform\":\"web\",\"properties\":{{\"$browser\":\"Chrome\",\"plan\":\"free\"}}}}\n";
            canonical.Write(lastCanonical);
        }
    }

    private static long LongOption(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? long.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
