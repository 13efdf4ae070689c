using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Sextant.Synthetic;

/// <summary>
/// Streams the scale scenario as canonical CSV: users are generated in blocks on every core and
/// the blocks are written in order, so memory stays bounded and the output depends only on the
/// seed. Lines are formatted straight into UTF-8 buffers; nothing is kept per event.
/// </summary>
public static class ScaleGenerator
{
    private const int UsersPerBlock = 2_048;
    private const long Minute = Events.Timestamp.MicrosPerMinute;
    private const long Day = Events.Timestamp.MicrosPerDay;
    private static readonly string[] Segments = ["individual", "individual", "individual", "small_team", "small_team", "enterprise", "education"];
    private static readonly string[] Channels = ["organic", "paid_search", "paid_social", "referral", "content_seo", "partnerships"];
    private static readonly string[] Platforms = ["web", "web", "web", "desktop", "ios", "android"];
    private static readonly (string Name, string Properties, double Weight)[] Features =
    [
        ("edit_page", "{\"words\":120}", 30), ("view_page", "{}", 20), ("create_page", "{\"source\":\"blank\"}", 11),
        ("search", "{\"query_length\":12}", 8), ("comment", "{}", 6), ("share_page", "{}", 4), ("use_template", "{\"template\":\"roadmap\"}", 5),
        ("create_database", "{}", 4), ("invite_member", "{}", 1), ("connect_integration", "{\"integration\":\"slack\"}", 1.5),
        ("api_call", "{\"endpoint\":\"/v1/pages\"}", 2), ("export_page", "{\"format\":\"pdf\"}", 1.5),
    ];

    /// <summary>Writes user_profiles.csv and user_events.csv into <paramref name="directory"/>; returns the events written.</summary>
    public static long WriteFiles(ScaleScenario scenario, string directory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Directory.CreateDirectory(directory);
        WriteUsers(scenario, Path.Combine(directory, "user_profiles.csv"));
        long written = 0;
        OutputFile.Write(Path.Combine(directory, "user_events.csv"), events => written = WriteEvents(scenario, events));
        return written;
    }

    /// <summary>Streams the events CSV (header included) to <paramref name="output"/>; returns the events written.</summary>
    public static long WriteEvents(ScaleScenario scenario, Stream output)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("event_id,user_id,anonymous_id,event,timestamp,platform,session_id,workspace_id,revenue,properties,source\n"u8);
        var blocks = (scenario.Users + UsersPerBlock - 1) / UsersPerBlock;
        var inFlight = Environment.ProcessorCount * 2;
        var buffers = new ArrayBufferWriter<byte>[inFlight];
        var counts = new long[inFlight];
        long total = 0;
        for (var first = 0; first < blocks; first += inFlight)
        {
            var count = Math.Min(inFlight, blocks - first);
            Parallel.For(0, count, i =>
            {
                buffers[i] ??= new ArrayBufferWriter<byte>(1 << 20);
                buffers[i].ResetWrittenCount();
                counts[i] = WriteBlock(scenario, first + i, buffers[i]);
            });
            for (var i = 0; i < count; i++)
            {
                output.Write(buffers[i].WrittenSpan);
                total += counts[i];
            }
        }
        return total;
    }

    private static void WriteUsers(ScaleScenario scenario, string path) => OutputFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20, leaveOpen: true) { NewLine = "\n" };
        writer.Write("user_id,signup_at,segment,channel,plan,country,platform,workspace_id,traits\n");
        var start = NotionGenerator.DayStart(scenario.From.AddDays(-400));
        for (var u = 0; u < scenario.Users; u++)
        {
            var random = DeterministicRandom.For(scenario.Seed, u, salt: 11);
            var signup = new Events.Timestamp(start + (long)(random.NextDouble() * 400 * Day));
            writer.Write($"u{u + 1},{signup},{Segments[u % Segments.Length]},{Channels[random.Next(Channels.Length)]},free,US,{Platforms[u % Platforms.Length]},w{u / 8 + 1},{{}}\n");
        }
    });

    private static long WriteBlock(ScaleScenario scenario, int block, ArrayBufferWriter<byte> output)
    {
        var weights = Features.Select(f => f.Weight).ToArray();
        var monthStart = NotionGenerator.DayStart(scenario.From);
        var periodEnd = monthStart + scenario.Days * Day - 1;
        long events = 0;
        var end = Math.Min(scenario.Users, (block + 1) * UsersPerBlock);
        for (var u = block * UsersPerBlock; u < end; u++)
        {
            var random = DeterministicRandom.For(scenario.Seed, u, salt: 12);
            var activeDays = Math.Clamp((int)Math.Round(random.LogNormal(Math.Log(scenario.MedianActiveDays), scenario.ActiveDaysSigma)), 1, scenario.Days);
            var platform = Platforms[u % Platforms.Length];
            var sequence = 0;
            for (var d = 0; d < activeDays; d++)
            {
                var day = random.Next(scenario.Days);
                var at = monthStart + day * Day + (long)(Math.Clamp(12 + 3.5 * random.Normal(), 0, 23.5) * 60) * Minute;
                var sessionEvents = 1 + random.Poisson(scenario.EventsPerSession - 1);
                for (var e = 0; e < sessionEvents; e++)
                {
                    var feature = Features[random.Pick(weights)];
                    WriteLine(output, u + 1, ++sequence, d, feature.Name, at, platform, feature.Properties);
                    at = Math.Min(periodEnd, at + (long)random.Exponential(2 * Minute) + 1_000_000);
                    events++;
                }
            }
        }
        return events;
    }

    private static void WriteLine(ArrayBufferWriter<byte> output, int user, int sequence, int session, string name, long at, string platform, string properties)
    {
        var span = output.GetSpan(256);
        var n = 0;
        span[n++] = (byte)'u';
        n += Format(user, span[n..]);
        span[n++] = (byte)'-';
        n += Format(sequence, span[n..]);
        span[n++] = (byte)',';
        span[n++] = (byte)'u';
        n += Format(user, span[n..]);
        span[n++] = (byte)',';
        span[n++] = (byte)',';
        n += Encoding.UTF8.GetBytes(name, span[n..]);
        span[n++] = (byte)',';
        Utf8Formatter.TryFormat(new DateTime(DateTime.UnixEpoch.Ticks + at * 10, DateTimeKind.Utc), span[n..], out var written, new StandardFormat('O'));
        n += written;
        span[n++] = (byte)',';
        n += Encoding.UTF8.GetBytes(platform, span[n..]);
        span[n++] = (byte)',';
        span[n++] = (byte)'u';
        n += Format(user, span[n..]);
        span[n++] = (byte)'-';
        span[n++] = (byte)'s';
        n += Format(session, span[n..]);
        span[n++] = (byte)',';
        span[n++] = (byte)'w';
        n += Format((user - 1) / 8 + 1, span[n..]);
        span[n++] = (byte)',';
        span[n++] = (byte)',';
        span[n++] = (byte)'"';
        foreach (var c in properties)
        {
            if (c == '"') span[n++] = (byte)'"';
            span[n++] = (byte)c;
        }
        span[n++] = (byte)'"';
        ",synthetic\n"u8.CopyTo(span[n..]);
        n += 11;
        output.Advance(n);
    }

    private static int Format(int value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }
}
