namespace Sextant.Privacy;

/// <summary>What an ingest does to personal data (docs/PRIVACY.md); the default does nothing.</summary>
public sealed record PrivacySettings
{
    /// <summary>No pseudonymisation, no scrubbing.</summary>
    public static readonly PrivacySettings None = new();

    /// <summary>Replaces user and anonymous ids with their pseudonyms; null keeps them.</summary>
    public Pseudonymiser? Pseudonymiser { get; init; }

    /// <summary>Scrubs e-mail addresses, IP addresses and phone numbers from property and trait values.</summary>
    public bool ScrubPii { get; init; }

    /// <summary>Keys whose values are never scrubbed: a key name at any depth, or a dotted path from the top.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>The hook one ingest applies to its records, or null when nothing is to be done.</summary>
    internal RecordPrivacy? NewHook() =>
        Pseudonymiser is null && !ScrubPii ? null : new RecordPrivacy(Pseudonymiser, ScrubPii ? new PiiScrubber(Allow) : null);
}
