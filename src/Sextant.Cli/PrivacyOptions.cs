using System.CommandLine;
using Sextant.Configuration;
using Sextant.Privacy;

namespace Sextant.Cli;

/// <summary>
/// The privacy flags of <c>ingest</c> (<c>--pseudonymise</c>, <c>--scrub-pii</c>, <c>--allow-pii</c>)
/// and the pseudonymisation key, read from the environment only when it is needed.
/// </summary>
internal sealed class PrivacyOptions
{
    public Option<bool> Pseudonymise { get; } = new("--pseudonymise") { Description = $"Replace user and anonymous ids with keyed pseudonyms (HMAC-SHA256 with the key in {Pseudonymiser.KeyVariable}; default: privacy.pseudonymise)" };

    public Option<bool> ScrubPii { get; } = new("--scrub-pii") { Description = "Replace e-mail addresses, IP addresses and phone numbers in property and trait values with [email], [ip], [phone] (default: privacy.scrub_pii)" };

    public Option<string[]> AllowPii { get; } = new("--allow-pii") { Description = "A property or trait key never scrubbed: a name at any depth or a dotted path (repeatable; added to privacy.allow)", AllowMultipleArgumentsPerToken = false };

    public IEnumerable<Option> All => [Pseudonymise, ScrubPii, AllowPii];

    /// <summary>The settings of the command line and sextant.yaml, the flags adding to the file.</summary>
    /// <exception cref="SextantException">Pseudonymisation is on and the key is missing or short.</exception>
    public PrivacySettings Settings(ParseResult result, PrivacyConfig config) => new()
    {
        Pseudonymiser = result.GetValue(Pseudonymise) || config.Pseudonymise ? Pseudonymiser.FromEnvironment() : null,
        ScrubPii = result.GetValue(ScrubPii) || config.ScrubPii,
        Allow = [.. config.Allow, .. result.GetValue(AllowPii) ?? []],
    };
}
