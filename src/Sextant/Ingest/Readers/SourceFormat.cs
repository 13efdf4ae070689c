namespace Sextant.Ingest.Readers;

/// <summary>The file formats the importer reads.</summary>
internal enum SourceFormatKind
{
    Csv,
    Jsonl,
    Parquet,
}

/// <summary>Tells the format of a file from its extension (after a .gz suffix is removed).</summary>
internal static class SourceFormat
{
    public static SourceFormatKind Detect(string path) => Extension(path) switch
    {
        ".csv" or ".tsv" => SourceFormatKind.Csv,
        ".jsonl" or ".ndjson" or ".json" => SourceFormatKind.Jsonl,
        ".parquet" => SourceFormatKind.Parquet,
        var other => throw new SextantException(
            $"'{path}': unknown file type '{other}' (expected .csv, .tsv, .jsonl, .ndjson, optionally .gz, or .parquet)"),
    };

    /// <summary>Tab for .tsv; for .csv the delimiter its header line uses (<see cref="CsvDelimiter"/>).</summary>
    public static char DelimiterFor(string path) => Extension(path) == ".tsv" ? '\t' : CsvDelimiter.Sniff(path);

    private static string Extension(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
        return Path.GetExtension(name);
    }
}
