namespace Sextant.Privacy;

/// <summary>
/// What the ingest applies to every record before it is checked and stored: ids pseudonymised,
/// property and trait values scrubbed. Shared by the parsing threads of one ingest; the counts are
/// summed under a lock per value changed, which is rare next to the rows read.
/// </summary>
public sealed class RecordPrivacy
{
    private readonly Pseudonymiser? _pseudonymiser;
    private readonly PiiScrubber? _scrubber;
    private readonly Lock _gate = new();
    private PiiCounts _scrubbed;

    /// <summary>Applies <paramref name="pseudonymiser"/> to ids and <paramref name="scrubber"/> to properties; either may be null.</summary>
    public RecordPrivacy(Pseudonymiser? pseudonymiser, PiiScrubber? scrubber)
    {
        _pseudonymiser = pseudonymiser;
        _scrubber = scrubber;
    }

    /// <summary>True when ids are pseudonymised.</summary>
    public bool Pseudonymises => _pseudonymiser is not null;

    /// <summary>True when property and trait values are scrubbed.</summary>
    public bool Scrubs => _scrubber is not null;

    /// <summary>Values replaced so far.</summary>
    public PiiCounts Scrubbed
    {
        get
        {
            lock (_gate) return _scrubbed;
        }
    }

    /// <summary>A user or anonymous id as stored: its pseudonym, or itself when pseudonymisation is off.</summary>
    public string? Id(string? id) => _pseudonymiser is null ? id : _pseudonymiser.Of(id);

    /// <summary>A properties or traits object as stored: scrubbed, or itself when scrubbing is off.</summary>
    public string Properties(string json)
    {
        if (_scrubber is null) return json;
        var counts = default(PiiCounts);
        var scrubbed = _scrubber.Scrub(json, ref counts);
        if (counts.Total > 0)
            lock (_gate) _scrubbed += counts;
        return scrubbed;
    }
}
