using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>The <c>privacy</c> section of sextant.yaml: what ingest does to personal data (docs/PRIVACY.md).</summary>
public sealed record PrivacyConfig
{
    /// <summary>Replace user and anonymous ids with keyed pseudonyms (key <c>privacy.pseudonymise</c>, default false).</summary>
    public bool Pseudonymise { get; init; }

    /// <summary>Replace e-mail, IP and phone values in properties and traits (key <c>privacy.scrub_pii</c>, default false).</summary>
    public bool ScrubPii { get; init; }

    /// <summary>Property or trait keys never scrubbed: names at any depth or dotted paths (key <c>privacy.allow</c>).</summary>
    public IReadOnlyList<string> Allow { get; init; } = ReadOnlyCollection<string>.Empty;
}
