using Sextant.Analysis;

namespace Sextant.Application.Requests;

/// <summary>What an analysis was asked to look at: range, cohort filter and breakdowns (docs/QUERIES.md).</summary>
/// <param name="Range">from / to.</param>
/// <param name="Cohort">cohort, or null.</param>
/// <param name="Breakdowns">breakdown, up to three.</param>
/// <param name="Limit">limit: groups kept before the rest are Other.</param>
public sealed record RequestScope(TimeRange Range, Cohort? Cohort, ValueList<Breakdown> Breakdowns, int Limit)
{
    /// <summary>Groups kept before the rest are Other when no limit is given.</summary>
    public const int DefaultLimit = 10;

    /// <summary>Reads from, to, cohort and (when the analysis has groups) breakdown and limit.</summary>
    /// <exception cref="SextantException">A date, cohort or breakdown is invalid.</exception>
    public static RequestScope Read(Project project, RequestParameters parameters, bool breakdowns = true, int defaultLimit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var limit = breakdowns ? parameters.Int("limit", defaultLimit, min: 1) : defaultLimit;
        var from = parameters.Text("from");
        var to = parameters.Text("to");
        // Each end is read alone first, so an error names the field it is about.
        var (fromLabel, toLabel) = (parameters.Label("from"), parameters.Label("to"));
        if (from is not null) parameters.Field("from", () => project.Range(from, null, fromLabel, toLabel));
        if (to is not null) parameters.Field("to", () => project.Range(null, to, fromLabel, toLabel));
        var range = parameters.Field("from", () => project.Range(from, to, fromLabel, toLabel));
        var cohort = parameters.Text("cohort") is { } name ? parameters.Field("cohort", () => project.Cohort(name)) : null;
        var groups = breakdowns ? parameters.Field("breakdown", () => project.Breakdowns(parameters.Texts("breakdown"))) : default;
        if (groups.Count > 0) parameters.Field("breakdown", () => CheckNames(project.Names, groups));
        return new RequestScope(range, cohort, groups, limit);
    }

    /// <summary>Every breakdown's attribute or property must exist: the engine would refuse it too, but without naming the field.</summary>
    private static void CheckNames(IStoredNames names, ValueList<Breakdown> breakdowns)
    {
        foreach (var breakdown in breakdowns)
        {
            if (breakdown.Source == BreakdownSource.Profile && !names.HasAttribute(breakdown.Name))
                throw new SextantException(NameCheck.Unknown("breakdown", breakdown.Name, null, names.AttributeNames));
            if (breakdown.Source == BreakdownSource.Event) NameCheck.Property(names, breakdown.Name, "breakdown");
        }
    }
}
