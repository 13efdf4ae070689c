using System.Globalization;

namespace Sextant.Analysis.Syntax;

/// <summary>Cohort definitions in words, for tables and JSON.</summary>
public static class CohortText
{
    /// <summary>"did create_page ≥ 3 times within 7d of sign-up and plan in (paid)".</summary>
    public static string Describe(CohortDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition switch
        {
            PerformedEvent p => string.Create(CultureInfo.InvariantCulture,
                $"{(p.Did ? "did" : "did not do")} {p.Event}{(p.MinTimes > 1 ? $" ≥ {p.MinTimes} times" : "")}{Window(p)}"),
            HasProperty h => $"{h.Attribute} {(h.Comparison == PropertyComparison.In ? "in" : "not in")} ({string.Join(", ", h.Values)})",
            SignedUpBetween s => SignedUp(s),
            AllOf all => string.Join(" and ", all.Conditions.Select(Nested)),
            AnyOf any => string.Join(" or ", any.Conditions.Select(Nested)),
            _ => definition.GetType().Name,
        };
    }

    private static string SignedUp(SignedUpBetween s) => (s.From, s.To) switch
    {
        ({ } from, { } to) => $"signed up on or after {Day(from)} and before {Day(to)}",
        ({ } from, null) => $"signed up on or after {Day(from)}",
        (null, { } to) => $"signed up before {Day(to)}",
        _ => "signed up",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Nested(CohortDefinition definition) =>
        definition is AllOf or AnyOf ? "(" + Describe(definition) + ")" : Describe(definition);

    private static string Window(PerformedEvent p) => (p.Within, p.Anchor) switch
    {
        (null, CohortAnchor.Signup) => "",
        (null, CohortAnchor.Range) => " in the range",
        ({ } w, CohortAnchor.Signup) => $" within {DurationText.Format(w)} of sign-up",
        ({ } w, _) => $" in the last {DurationText.Format(w)} of the range",
        _ => "",
    };
}
