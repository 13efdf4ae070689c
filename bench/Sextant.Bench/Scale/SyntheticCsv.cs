using System.Globalization;
using System.Text;

namespace Sextant.Bench.Scale;

/// <summary>Writes a deterministic 8-column events CSV with small properties, streaming.</summary>
internal static class SyntheticCsv
{
    private static readonly string[] EventNames = ["page_view", "create_page", "edit_page", "share_page", "comment", "use_template", "invite_member", "api_call"];
    private static readonly string[] Platforms = ["web", "desktop", "ios", "android"];

    /// <summary>Writes <paramref name="events"/> rows; every 100th row repeats an earlier event id (a duplicate).</summary>
    public static long Write(string path, long events, int users, int seed = 42)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("event_id,user_id,event,timestamp,platform,session_id,workspace_id,properties\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        long duplicates = 0;
        for (long i = 0; i < events; i++)
        {
            var isDuplicate = i > 0 && i % 100 == 0;
            var id = i;
            if (isDuplicate)
            {
                // Repeat the id of an earlier row that was not itself a repeat.
                id = i - 1 - random.NextInt64(Math.Min(i, 50_000));
                if (id > 0 && id % 100 == 0) id--;
            }
            if (isDuplicate) duplicates++;
            var user = random.Next(users);
            var time = new DateTime(start + i * TimeSpan.TicksPerSecond * 3, DateTimeKind.Utc);
            writer.Write("evt-");
            writer.Write(id.ToString(CultureInfo.InvariantCulture));
            writer.Write(",u");
            writer.Write(user.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(EventNames[random.Next(EventNames.Length)]);
            writer.Write(',');
            writer.Write(time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Platforms[user % Platforms.Length]);
            // A session per user and week of rows, so a session holds several events.
            writer.Write(",s");
            writer.Write(user.ToString(CultureInfo.InvariantCulture));
            writer.Write('-');
            writer.Write((i / 200_000).ToString(CultureInfo.InvariantCulture));
            writer.Write(",w");
            writer.Write((user / 5).ToString(CultureInfo.InvariantCulture));
            writer.Write(",\"{\"\"page\"\":\"\"p");
            writer.Write(random.Next(1000).ToString(CultureInfo.InvariantCulture));
            writer.Write("\"\",\"\"words\"\":");
            writer.Write(random.Next(2000).ToString(CultureInfo.InvariantCulture));
            writer.Write("}\"\n");
        }
        return duplicates;
    }
}
