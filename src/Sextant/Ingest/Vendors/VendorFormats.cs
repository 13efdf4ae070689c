using System.Text.Json;
using System.Text.Json.Nodes;
using Sextant.Ingest.Readers;

namespace Sextant.Ingest.Vendors;

/// <summary>The vendor formats the importer reads, by name, and which one a file's first item is.</summary>
internal static class VendorFormats
{
    /// <summary>Every vendor format, in the order the documentation lists them.</summary>
    public static IReadOnlyList<IVendorFormat> All { get; } =
    [
        new MixpanelFormat(),
        new AmplitudeFormat(),
        new PostHogFormat(),
    ];

    /// <summary>The names <c>--format</c> takes: the canonical files' and the vendors'.</summary>
    public static IReadOnlyList<string> Names { get; } = ["csv", "jsonl", "parquet", .. All.Select(f => f.Name)];

    /// <summary>The format of that name, or null for a canonical format (csv, jsonl, parquet, auto).</summary>
    /// <exception cref="SextantException">No format has that name.</exception>
    public static IVendorFormat? Named(string? name)
    {
        if (name is null || name is "auto" or "csv" or "jsonl" or "parquet") return null;
        return All.FirstOrDefault(f => f.Name == name)
            ?? throw new SextantException($"unknown format '{name}' (expected one of: auto, {string.Join(", ", Names)})");
    }

    /// <summary>The vendor format that alone recognises <paramref name="item"/>, or null when none does.</summary>
    /// <exception cref="SextantException">Several formats recognise it, so the file must name its format.</exception>
    public static IVendorFormat? Recognise(JsonElement item, string file)
    {
        var matches = All.Where(f => f.Recognises(item)).ToList();
        if (matches.Count > 1)
            throw new SextantException($"'{file}': its first row could be {string.Join(" or ", matches.Select(m => m.Name))}; pass --format {string.Join("|", matches.Select(m => m.Name))}");
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// The vendor format of a file: the one named, or (auto) the one its first item looks like.
    /// Null means the file is read as canonical CSV, JSON lines or Parquet.
    /// </summary>
    public static IVendorFormat? Of(string path, string? formatName)
    {
        if (formatName is not null && formatName != "auto") return Named(formatName);
        var extension = Path.GetExtension(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path).ToLowerInvariant();
        if (extension == ".parquet") return null;
        if (extension is ".csv" or ".tsv") return RecogniseHeader(path, extension);
        using var reader = VendorItemReader.OpenFile(path);
        while (reader.TryRead(out var item))
        {
            if (item.Error is not null) continue;
            return Recognise(item.Root, path);
        }
        return null;
    }

    /// <summary>A CSV export is told by its header alone: the data rows are not read.</summary>
    private static IVendorFormat? RecogniseHeader(string path, string extension)
    {
        using var csv = new CsvRowReader(SourceFile.OpenRead(path), path, extension == ".tsv" ? '\t' : CsvDelimiter.Sniff(path));
        var item = new JsonObject();
        foreach (var column in csv.Header) VendorItemReader.Place(item, column, "");
        using var document = JsonDocument.Parse(item.ToJsonString());
        return Recognise(document.RootElement, path);
    }
}
