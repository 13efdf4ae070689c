using Sextant.Analysis;
using Sextant.Analysis.Syntax;

namespace Sextant.Configuration;

/// <summary>
/// Reads the <c>cohorts</c> list of sextant.yaml. An item has a <c>name</c> and one condition:
/// <c>did</c> / <c>did_not</c> an event (with <c>at_least</c>, <c>within</c>, <c>of: signup|range</c>),
/// a profile <c>property</c> with <c>in</c> / <c>not_in</c> values, a sign-up day range
/// (<c>signed_up_from</c> / <c>signed_up_to</c>), or <c>all</c> / <c>any</c> of
/// nested conditions (docs/CONFIG.md, Cohorts).
/// </summary>
internal static class CohortBinder
{
    private static readonly string[] Anchors = ["signup", "range"];

    public static IReadOnlyList<Cohort> Bind(IReadOnlyList<YamlSection> sections)
    {
        // The shared empty list, so a file without cohorts equals the defaults.
        if (sections.Count == 0) return System.Collections.ObjectModel.ReadOnlyCollection<Cohort>.Empty;
        var cohorts = new List<Cohort>(sections.Count);
        foreach (var section in sections)
        {
            var name = section.GetOptionalString("name", "a cohort name");
            if (name is null) section.ReportProblem("needs a name");
            else if (cohorts.Any(c => c.Name == name)) section.ReportProblem($"repeats the cohort name '{name}'");
            var definition = Condition(section);
            if (name is not null && definition is not null) cohorts.Add(new Cohort(name, definition));
        }
        return cohorts.AsReadOnly();
    }

    /// <summary>A sign-up day bound: a date yyyy-MM-dd in the project time zone, or null when absent.</summary>
    private static DateOnly? SignupDay(YamlSection section, string key) =>
        section.Get<DateOnly?>(key, null, "a date yyyy-MM-dd", (string text, out DateOnly? value) =>
        {
            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day);
            value = day;
            return ok;
        });

    /// <summary>The one condition of a section, or null (after reporting) when it has none or several.</summary>
    private static CohortDefinition? Condition(YamlSection section)
    {
        var did = section.GetOptionalString("did", "an event name");
        var didNot = section.GetOptionalString("did_not", "an event name");
        var atLeast = section.GetInt("at_least", 1, 1, int.MaxValue);
        var within = section.Get<TimeSpan?>("within", null, "a duration such as 7d or 2w", (string text, out TimeSpan? value) =>
        {
            var ok = DurationText.TryParse(text, out var span);
            value = span;
            return ok;
        });
        var anchor = section.GetChoice("of", "signup", Anchors) == "range" ? CohortAnchor.Range : CohortAnchor.Signup;
        var property = section.GetOptionalString("property", "a profile attribute");
        var @in = section.GetStringList("in");
        var notIn = section.GetStringList("not_in");
        var signedUpFrom = SignupDay(section, "signed_up_from");
        var signedUpTo = SignupDay(section, "signed_up_to");
        var all = section.GetSectionList("all");
        var any = section.GetSectionList("any");

        var signedUp = signedUpFrom is not null || signedUpTo is not null;
        var given = new[] { did is not null, didNot is not null, property is not null, signedUp, all.Count > 0, any.Count > 0 }.Count(g => g);
        if (given != 1)
        {
            section.ReportProblem(given == 0
                ? "needs a condition: did, did_not, property, signed_up_from / signed_up_to, all or any"
                : "takes one condition of did, did_not, property, signed_up_from / signed_up_to, all and any (combine them with all or any)");
            return null;
        }
        if (signedUp)
        {
            if (signedUpFrom is { } from && signedUpTo is { } to && to <= from)
            {
                section.ReportProblem($"signed_up_to {to:yyyy-MM-dd} must be after signed_up_from {from:yyyy-MM-dd}");
                return null;
            }
            return new SignedUpBetween(signedUpFrom, signedUpTo);
        }
        if (did is not null || didNot is not null) return new PerformedEvent(did ?? didNot!, atLeast, within, anchor, Did: did is not null);
        if (property is not null)
        {
            if ((@in.Count > 0) == (notIn.Count > 0))
            {
                section.ReportProblem($"property '{property}' needs either in or not_in values");
                return null;
            }
            return new HasProperty(property, @in.Count > 0 ? PropertyComparison.In : PropertyComparison.NotIn, ValueList.From(@in.Count > 0 ? @in : notIn));
        }
        var nested = (all.Count > 0 ? all : any).Select(Condition).ToList();
        if (nested.Any(n => n is null)) return null;
        var conditions = ValueList.From(nested.OfType<CohortDefinition>());
        return all.Count > 0 ? new AllOf(conditions) : new AnyOf(conditions);
    }
}
