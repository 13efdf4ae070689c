namespace Sextant.Analysis;

/// <summary>Where the values of a breakdown come from.</summary>
public enum BreakdownSource
{
    /// <summary>A profile attribute of the user (segment, plan, country, any trait).</summary>
    Profile,
    /// <summary>An event property: the user's value on their earliest event in the range that carries it.</summary>
    Event,
    /// <summary>Membership of a cohort: "in NAME" or "not in NAME".</summary>
    Cohort,
}

/// <summary>
/// One dimension users are grouped by. An analysis takes up to <see cref="Breakdowns.Max"/> of
/// them; users fall into the cross product of their values, the largest groups keep their own
/// row and the rest are grouped as Other (docs/QUERIES.md).
/// </summary>
/// <param name="Source">Profile attribute, event property or cohort.</param>
/// <param name="Name">The attribute, property or cohort name.</param>
/// <param name="Cohort">The cohort's definition when <paramref name="Source"/> is Cohort.</param>
public sealed record Breakdown(BreakdownSource Source, string Name, Cohort? Cohort = null)
{
    /// <summary>A profile-attribute breakdown.</summary>
    public static Breakdown Profile(string attribute) => new(BreakdownSource.Profile, attribute);

    /// <summary>An event-property breakdown.</summary>
    public static Breakdown Event(string property) => new(BreakdownSource.Event, property);

    /// <summary>A cohort-membership breakdown.</summary>
    public static Breakdown InCohort(Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return new(BreakdownSource.Cohort, cohort.Name, cohort);
    }

    /// <summary>"plan", "event.platform" or "cohort.power_users": the text form it is parsed from.</summary>
    public override string ToString() => Source switch
    {
        BreakdownSource.Event => "event." + Name,
        BreakdownSource.Cohort => "cohort." + Name,
        _ => Name,
    };
}

/// <summary>Shared rules of breakdown lists.</summary>
public static class Breakdowns
{
    /// <summary>The most breakdowns one analysis takes.</summary>
    public const int Max = 3;

    /// <summary>The label of users without a value.</summary>
    public const string NoValue = "(none)";

    /// <summary>The label of the values beyond the most common ones.</summary>
    public const string OtherValues = "Other";

    /// <summary>What joins the values of a multi-dimension group into one label: "ios / paid".</summary>
    public const string Separator = " / ";

    /// <summary>One label of a group's values.</summary>
    public static string Label(IReadOnlyList<string> values) => string.Join(Separator, values);

    /// <summary>Throws when more than <see cref="Max"/> breakdowns are asked for or one repeats.</summary>
    /// <exception cref="SextantException">Too many or repeated breakdowns.</exception>
    public static void Validate(IReadOnlyList<Breakdown> breakdowns)
    {
        ArgumentNullException.ThrowIfNull(breakdowns);
        if (breakdowns.Count > Max) throw new SextantException($"at most {Max} breakdowns can be combined, got {breakdowns.Count} ({string.Join(", ", breakdowns)})");
        var repeated = breakdowns.GroupBy(b => b.ToString(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new SextantException($"breakdown '{repeated.Key}' is given twice");
    }
}
