namespace Sextant.Analysis;

/// <summary>A saved, named cohort (key <c>cohorts</c> of sextant.yaml).</summary>
/// <param name="Name">The name used by <c>--cohort</c> and <c>--breakdown cohort.NAME</c>.</param>
/// <param name="Definition">Who belongs to it.</param>
public sealed record Cohort(string Name, CohortDefinition Definition);

/// <summary>What a behavioural cohort condition's window is measured from.</summary>
public enum CohortAnchor
{
    /// <summary>From the user's sign-up: within W of sign-up (ever, without W).</summary>
    Signup,
    /// <summary>The analysis range: within it (the last W before its end, with W).</summary>
    Range,
}

/// <summary>How a property condition compares.</summary>
public enum PropertyComparison
{
    /// <summary>The value equals one of the given values.</summary>
    In,
    /// <summary>The value is set and equals none of the given values.</summary>
    NotIn,
}

/// <summary>
/// Who belongs to a cohort: behaviour (did or did not do an event at least N times within a
/// window), a profile property, or and/or combinations of these. Definitions are pure data, so
/// every engine evaluates the same definition (docs/QUERIES.md, Cohorts).
/// </summary>
public abstract record CohortDefinition;

/// <summary>Users who did (or, with <paramref name="Did"/> false, did not do) <paramref name="Event"/> at least <paramref name="MinTimes"/> times within the window.</summary>
/// <param name="Event">Event name.</param>
/// <param name="MinTimes">How often, at least (1 or more).</param>
/// <param name="Within">Window length from the anchor; null means no limit.</param>
/// <param name="Anchor">Sign-up or the analysis range.</param>
/// <param name="Did">False negates the condition: fewer than MinTimes times.</param>
public sealed record PerformedEvent(string Event, int MinTimes = 1, TimeSpan? Within = null, CohortAnchor Anchor = CohortAnchor.Signup, bool Did = true) : CohortDefinition;

/// <summary>Users whose profile attribute is (or is not) one of the values.</summary>
/// <param name="Attribute">Profile attribute.</param>
/// <param name="Comparison">In or not in.</param>
/// <param name="Values">The values compared with.</param>
public sealed record HasProperty(string Attribute, PropertyComparison Comparison, ValueList<string> Values) : CohortDefinition;

/// <summary>
/// Signed-up users whose sign-up falls on a calendar day (project time zone) in [<paramref name="From"/>,
/// <paramref name="To"/>): a sign-up cohort such as "signed up in March". Visitors never belong.
/// </summary>
/// <param name="From">First sign-up day included, or null for no lower bound.</param>
/// <param name="To">First sign-up day no longer included, or null for no upper bound.</param>
public sealed record SignedUpBetween(DateOnly? From, DateOnly? To) : CohortDefinition;

/// <summary>Users meeting every condition.</summary>
/// <param name="Conditions">The conditions (at least one).</param>
public sealed record AllOf(ValueList<CohortDefinition> Conditions) : CohortDefinition;

/// <summary>Users meeting at least one condition.</summary>
/// <param name="Conditions">The conditions (at least one).</param>
public sealed record AnyOf(ValueList<CohortDefinition> Conditions) : CohortDefinition;
