using Sextant.Events;
using Sextant.Privacy;

namespace Sextant.Ingest;

/// <summary>How files are read into the store.</summary>
public sealed record IngestOptions
{
    /// <summary>The record kind of every file; null detects it from each file's columns.</summary>
    public RecordKind? Kind { get; init; }

    /// <summary>
    /// The format of every file: csv, jsonl, parquet, or a vendor's export (mixpanel, amplitude,
    /// ga4, segment, posthog); null detects it (the extension, then the first row's fields).
    /// </summary>
    public string? Format { get; init; }

    /// <summary>Explicit column mappings (source column → canonical column), applied to every file.</summary>
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();

    /// <summary>Explicit mappings per record kind from sextant.yaml; <see cref="Map"/> wins over them.</summary>
    public IReadOnlyDictionary<RecordKind, IReadOnlyDictionary<string, string>> MapByKind { get; init; } =
        new Dictionary<RecordKind, IReadOnlyDictionary<string, string>>();

    /// <summary>Zone for naive timestamps such as '2024-03-01 09:00:00'.</summary>
    public TimeZoneInfo NaiveZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Unit of numeric epoch timestamps (Auto detects it by magnitude).</summary>
    public TimeUnit TimeUnit { get; init; } = TimeUnit.Auto;

    /// <summary>When true, a file with any bad row is not committed at all and the run fails.</summary>
    public bool Strict { get; init; }

    /// <summary>Rows per committed batch.</summary>
    public int BatchSize { get; init; } = 65_536;

    /// <summary>
    /// Keep only rows whose source column has the value, every condition holding (<c>--where
    /// group=treatment</c>). Rows left out are counted as filtered, never lost silently.
    /// </summary>
    public IReadOnlyList<(string Column, string Value)> Where { get; init; } = [];

    /// <summary>
    /// Revenue and MRR text uses a decimal comma (<c>12,50</c>) instead of a decimal point.
    /// JSON numbers are unaffected.
    /// </summary>
    public bool DecimalComma { get; init; }

    /// <summary>
    /// The thousands separator of revenue and MRR text, accepted only between groups of three
    /// digits: <c>,</c> <c>.</c> <c>'</c> <c>_</c> or <c>space</c>; null (the default) accepts none.
    /// </summary>
    public string? ThousandsSeparator { get; init; }

    /// <summary>Quarantine file; null means '&lt;store&gt;.quarantine.jsonl' next to the store.</summary>
    public string? QuarantinePath { get; init; }

    /// <summary>
    /// The name the ingest log (<c>ingest_runs</c>) and the quarantine file give each source
    /// instead of its path, e.g. <c>http:KEY</c> for events sent to <c>sextant serve</c>; null
    /// keeps the path.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// The <c>source</c> stored with events whose row has none (and hashed into their derived
    /// ids); null means the file's format: <c>csv</c>, <c>jsonl</c> or <c>parquet</c>.
    /// </summary>
    public string? DefaultSource { get; init; }

    /// <summary>Pseudonymisation and PII scrubbing applied to every record (docs/PRIVACY.md).</summary>
    public PrivacySettings Privacy { get; init; } = PrivacySettings.None;

    /// <summary>
    /// Bytes of a CSV block parsed on one core (a longer line makes a longer block). Small enough
    /// that few records are in flight; tests make it tiny so that blocks end everywhere.
    /// </summary>
    internal int CsvBlockBytes { get; init; } = 256 << 10;

    internal IReadOnlyDictionary<string, string> MapFor(RecordKind kind)
    {
        var fromConfig = MapByKind.GetValueOrDefault(kind);
        if (fromConfig is null || fromConfig.Count == 0) return Map;
        var merged = new Dictionary<string, string>(fromConfig, StringComparer.Ordinal);
        foreach (var (source, target) in Map) merged[source] = target;
        return merged;
    }
}
