using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Connectors;

/// <summary>
/// The days a pull has finished, per source, in a small JSON file beside the store
/// (<c>&lt;store&gt;.pull-checkpoints.json</c>): <c>{"sources": {"mixpanel https://… project 7":
/// {"2024-03-01": {"completed_at": "…", "read": 120, "inserted": 118}}}}</c>. It is rewritten
/// whole (to a temporary file, then renamed) after each finished day, so a killed pull loses at
/// most the day it was in.
/// </summary>
internal sealed class PullCheckpoints
{
    private readonly JsonObject _root;

    private PullCheckpoints(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>The checkpoint file of a store: beside a store file, or in the working folder for a database URL.</summary>
    public static string PathFor(string storeLocation, bool isFile) =>
        isFile ? storeLocation + ".pull-checkpoints.json" : "sextant.pull-checkpoints.json";

    /// <summary>Reads the file, or starts empty when there is none.</summary>
    /// <exception cref="SextantException">The file is not the JSON this class writes.</exception>
    public static PullCheckpoints Load(string path)
    {
        if (!File.Exists(path)) return new(path, new JsonObject { ["sources"] = new JsonObject() });
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
            if (root?["sources"] is JsonObject) return new(path, root);
            throw new SextantException($"'{path}': expected an object with \"sources\" (a pull checkpoint file); remove it to pull every day again");
        }
        catch (JsonException exception)
        {
            throw new SextantException($"'{path}' line {exception.LineNumber + 1}: not JSON ({exception.Message}); remove it to pull every day again", exception);
        }
    }

    /// <summary>True when <paramref name="day"/> of the source was finished by an earlier pull.</summary>
    public bool IsDone(string source, DateOnly day) => Days(source, create: false)?[Key(day)] is JsonObject;

    /// <summary>Records a finished day and writes the file.</summary>
    public void MarkDone(string source, PullDayResult day, DateTimeOffset completedAt)
    {
        Days(source, create: true)![Key(day.Day)] = new JsonObject
        {
            ["completed_at"] = completedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["read"] = day.Read,
            ["inserted"] = day.Inserted,
            ["duplicates"] = day.Duplicates,
            ["quarantined"] = day.Quarantined,
        };
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, Path, overwrite: true);
    }

    private JsonObject? Days(string source, bool create)
    {
        var sources = (JsonObject)_root["sources"]!;
        if (sources[source] is JsonObject days) return days;
        if (!create) return null;
        days = [];
        sources[source] = days;
        return days;
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
