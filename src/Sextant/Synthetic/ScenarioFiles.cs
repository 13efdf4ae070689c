using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sextant.Synthetic;

/// <summary>
/// Writes generated data as the canonical CSV files (DATA_MODEL.md column names) and
/// <c>truth.json</c>: user_profiles.csv, user_events.csv, subscriptions.csv, assignments.csv.
/// </summary>
public static class ScenarioFiles
{
    /// <summary>The file names, in the order they should be ingested.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["user_profiles.csv", "user_events.csv", "subscriptions.csv", "assignments.csv"];

    /// <summary>Writes every file into <paramref name="directory"/> (created when missing); returns the CSV paths.</summary>
    public static IReadOnlyList<string> Write(GeneratedData data, string directory)
    {
        ArgumentNullException.ThrowIfNull(data);
        Directory.CreateDirectory(directory);
        var paths = FileNames.Select(name => Path.Combine(directory, name)).ToList();
        Parallel.Invoke(
            () => WriteCsv(paths[0], "user_id,signup_at,segment,channel,plan,country,platform,workspace_id,traits", data.Users,
                (w, u) => Row(w, u.UserId, u.SignupAt?.ToString(), u.Segment, u.Channel, u.Plan, u.Country, u.Platform, u.WorkspaceId, u.TraitsJson)),
            () => WriteCsv(paths[1], "event_id,user_id,anonymous_id,event,timestamp,platform,session_id,workspace_id,revenue,properties,source", data.Events,
                (w, e) => Row(w, e.EventId, e.UserId, e.AnonymousId, e.Event, e.Timestamp.ToString(), e.Platform, e.SessionId, e.WorkspaceId,
                    e.Revenue?.ToString(CultureInfo.InvariantCulture), e.PropertiesJson, e.Source)),
            () => WriteCsv(paths[2], "subscription_id,user_id,plan,status,start_at,end_at,mrr,currency", data.Subscriptions,
                (w, s) => Row(w, s.SubscriptionId, s.UserId, s.Plan, s.Status, s.StartAt.ToString(), s.EndAt?.ToString(),
                    s.Mrr.ToString(CultureInfo.InvariantCulture), s.Currency)),
            () => WriteCsv(paths[3], "experiment,user_id,variant,assigned_at", data.Assignments,
                (w, a) => Row(w, a.Experiment, a.UserId, a.Variant, a.AssignedAt.ToString())));
        OutputFile.WriteText(Path.Combine(directory, "truth.json"), TruthJson(data.Truth));
        return paths;
    }

    /// <summary>The planted truth as indented JSON with snake_case keys.</summary>
    public static string TruthJson(ScenarioTruth truth)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Serialize(truth, options);
    }

    private static void WriteCsv<T>(string path, string header, IEnumerable<T> rows, Action<StringBuilder, T> format) => OutputFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20, leaveOpen: true) { NewLine = "\n" };
        writer.Write(header);
        writer.Write('\n');
        var line = new StringBuilder(256);
        foreach (var row in rows)
        {
            line.Clear();
            format(line, row);
            line.Append('\n');
            writer.Write(line);
        }
    });

    private static void Row(StringBuilder line, params string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) line.Append(',');
            Field(line, values[i]);
        }
    }

    private static void Field(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            line.Append(value);
            return;
        }
        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
