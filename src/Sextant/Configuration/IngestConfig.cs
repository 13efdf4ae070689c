namespace Sextant.Configuration;

/// <summary>How source files are imported into the store (key <c>ingest</c>).</summary>
public sealed record IngestConfig
{
    /// <summary>Smallest accepted <see cref="BatchSize"/>.</summary>
    public const int MinBatchSize = 1_000;

    /// <summary>Largest accepted <see cref="BatchSize"/>.</summary>
    public const int MaxBatchSize = 1_000_000;

    /// <summary>
    /// Accepted values of <see cref="TimeUnit"/>: <c>auto</c> (guess from the magnitude),
    /// <c>s</c>, <c>ms</c>, <c>us</c> (microseconds) and <c>ns</c>.
    /// </summary>
    public static IReadOnlyList<string> TimeUnits { get; } = Array.AsReadOnly(["auto", "s", "ms", "us", "ns"]);

    /// <summary>
    /// Zone of naive timestamps such as <c>2024-03-31 01:30:00</c> in imported files (key
    /// <c>ingest.timezone</c>, default UTC). Timestamps with an offset or a Z ignore it.
    /// </summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>IANA name of <see cref="TimeZone"/>.</summary>
    public string TimeZoneId => TimeZone.Id;

    /// <summary>
    /// Unit of numeric epoch timestamps (key <c>ingest.time_unit</c>, default <c>auto</c>);
    /// one of <see cref="TimeUnits"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="TimeUnits"/>.</exception>
    public string TimeUnit
    {
        get;
        init => field = TimeUnits.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Expected one of: " + string.Join(", ", TimeUnits) + ".");
    } = "auto";

    /// <summary>
    /// Rows per committed batch (key <c>ingest.batch_size</c>, default 65536), from
    /// <see cref="MinBatchSize"/> to <see cref="MaxBatchSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the accepted range.</exception>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinBatchSize);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxBatchSize);
            field = value;
        }
    } = 65_536;

    /// <summary>
    /// Where rejected rows are written (key <c>ingest.quarantine</c>); null means next to the
    /// store, see <see cref="QuarantinePathFor"/>.
    /// </summary>
    public string? Quarantine { get; init; }

    /// <summary>
    /// Accepted values of <see cref="ThousandsSeparator"/>; <c>space</c> stands for a space, a
    /// no-break space or a narrow no-break space.
    /// </summary>
    public static IReadOnlyList<string> ThousandsSeparators { get; } = Array.AsReadOnly([",", ".", "'", "_", "space"]);

    /// <summary>Revenue and MRR text uses a decimal comma, <c>12,50</c> (key <c>ingest.decimal_comma</c>, default false).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>
    /// Thousands separator of revenue and MRR text (key <c>ingest.thousands_separator</c>), one of
    /// <see cref="ThousandsSeparators"/>; null (the default) accepts none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of <see cref="ThousandsSeparators"/>.</exception>
    public string? ThousandsSeparator
    {
        get;
        init => field = value is null || ThousandsSeparators.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Expected one of: " + string.Join(" ", ThousandsSeparators) + ".");
    }

    /// <summary>Explicit column mappings per record kind (key <c>ingest.map</c>).</summary>
    public ColumnMapConfig Map { get; init; } = new();

    /// <summary>
    /// The quarantine file for a store at <paramref name="storePath"/>: <see cref="Quarantine"/>
    /// when set, else <c>&lt;store&gt;.quarantine.jsonl</c>.
    /// </summary>
    public string QuarantinePathFor(string storePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        return Quarantine ?? Sextant.Ingest.QuarantineWriter.DefaultPathFor(storePath);
    }
}
