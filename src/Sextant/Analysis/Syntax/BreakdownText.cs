namespace Sextant.Analysis.Syntax;

/// <summary>
/// Reads breakdowns as written on the command line and in sextant.yaml: <c>plan</c> or
/// <c>user.plan</c> (profile attribute), <c>event.platform</c> (event property),
/// <c>cohort.power_users</c> (membership of a saved cohort).
/// </summary>
public static class BreakdownText
{
    /// <summary>Parses one breakdown; cohorts are looked up by name in <paramref name="cohorts"/>.</summary>
    /// <exception cref="SextantException">The text is empty, or names a cohort that is not defined.</exception>
    public static Breakdown Parse(string text, IReadOnlyList<Cohort> cohorts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(cohorts);
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw new SextantException("--breakdown is empty: expected an attribute, event.PROPERTY or cohort.NAME");
        if (After(trimmed, "event.") is { } property) return Breakdown.Event(property);
        if (After(trimmed, "cohort.") is { } name) return Breakdown.InCohort(CohortNamed(name, cohorts));
        return Breakdown.Profile(After(trimmed, "user.") ?? trimmed);
    }

    /// <summary>Parses every breakdown of a repeatable option; at most <see cref="Breakdowns.Max"/>.</summary>
    /// <exception cref="SextantException">One is invalid, repeated, or there are too many.</exception>
    public static ValueList<Breakdown> ParseAll(IEnumerable<string>? texts, IReadOnlyList<Cohort> cohorts)
    {
        var list = (texts ?? []).Select(t => Parse(t, cohorts)).ToList();
        Breakdowns.Validate(list);
        return list;
    }

    /// <summary>The saved cohort called <paramref name="name"/>.</summary>
    /// <exception cref="SextantException">No cohort of that name is defined; the message lists the close ones.</exception>
    public static Cohort CohortNamed(string name, IReadOnlyList<Cohort> cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        return cohorts.FirstOrDefault(c => c.Name == name)
            ?? throw new SextantException(cohorts.Count == 0
                ? $"unknown cohort '{name}': sextant.yaml defines no cohorts (key cohorts)"
                : NameCheck.Unknown("cohort", name, "sextant.yaml cohorts", cohorts.Select(c => c.Name)));
    }

    private static string? After(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length ? text[prefix.Length..] : null;
}
