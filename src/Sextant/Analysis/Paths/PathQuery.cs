namespace Sextant.Analysis.Paths;

/// <summary>A cleaning rule: every match of <paramref name="Pattern"/> in an event name is replaced by <paramref name="Replacement"/>.</summary>
/// <param name="Pattern">.NET regular expression matched against the event name.</param>
/// <param name="Replacement">Replacement text (may use <c>$1</c> group references); a name that becomes empty is dropped.</param>
public sealed record PathCleaningRule(string Pattern, string Replacement);

/// <summary>
/// What paths to compute (SEMANTICS.md, Paths). Start, End and Converted name events after
/// exclusion; Start and End are matched against the cleaned names, Converted against the stored
/// (raw) names. Only events in <see cref="Range"/> make sequences; the conversion event may fall
/// after the range's end (docs/PATHS.md).
/// </summary>
public sealed record PathQuery : IAnalysisQuery<PathMeasures, PathResult>, IScopedQuery
{
    /// <summary>The default session gap: 30 minutes.</summary>
    public static readonly TimeSpan DefaultSessionGap = TimeSpan.FromMinutes(30);

    /// <summary>Start event (cleaned name): a path begins at the sequence's first occurrence of it. Null for none.</summary>
    public string? Start { get; init; }

    /// <summary>End event (cleaned name): a path ends at the sequence's last occurrence of it and runs backward. Null for none.</summary>
    public string? End { get; init; }

    /// <summary>Most steps in a path (at least 1).</summary>
    public int MaxSteps { get; init; } = 5;

    /// <summary>
    /// A gap between consecutive events strictly greater than this starts a new sequence (a gap of
    /// exactly this length does not). <see cref="TimeSpan.Zero"/> makes an entity's whole history one sequence.
    /// </summary>
    public TimeSpan SessionGap { get; init; } = DefaultSessionGap;

    /// <summary>Rules applied to every event name in order, before repeats collapse.</summary>
    public ValueList<PathCleaningRule> Cleaning { get; init; }

    /// <summary>How many of the most frequent paths to report (at least 1).</summary>
    public int Top { get; init; } = 50;

    /// <summary>Stored event names removed before anything else (sessions, cleaning, paths, co-usage).</summary>
    public ValueList<string> ExcludeEvents { get; init; }

    /// <summary>Stored event name that marks conversion, for converters vs non-converters per path; null for none.</summary>
    public string? Converted { get; init; }

    /// <summary>Co-usage pairs need at least this many users who did both events.</summary>
    public int MinPairSupport { get; init; } = 30;

    /// <summary>How many co-usage pairs to report, highest lift first.</summary>
    public int TopPairs { get; init; } = 30;

    /// <summary>How many within-session transitions to report, most frequent first.</summary>
    public int TopTransitions { get; init; } = 50;

    /// <summary>Only events in this range make sequences, transitions and co-usage (all time by default).</summary>
    public TimeRange Range { get; init; }

    /// <summary>Only members of this cohort are counted, or every entity when null.</summary>
    public Cohort? Cohort { get; init; }

    /// <summary>Groups the entities are split into, crossed (at most 3), each with its own top paths; none by default.</summary>
    public ValueList<Breakdown> Breakdowns { get; init; }

    /// <summary>Groups kept, by entities with a path; the rest are merged into Other.</summary>
    public int BreakdownLimit { get; init; } = 10;
}
