namespace Sextant.Bench.Compare;

/// <summary>
/// One engine's answer to a question as labelled counts (<c>step 2 create_page</c>,
/// <c>dau 2025-11-01</c>, <c>cohort 2025-10-31 day 3</c>). A count of zero and a missing label
/// mean the same, so an engine that returns only non-empty groups compares equal to one that
/// lists every cell.
/// </summary>
internal sealed class Answer
{
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public void Add(string label, long count) => _counts[label] = _counts.GetValueOrDefault(label) + count;

    /// <summary>Each label whose count differs, as <c>label: Sextant 12, ClickHouse 11</c>.</summary>
    public IReadOnlyList<string> DifferencesFrom(Answer expected, string expectedName, string actualName)
    {
        var differences = new List<string>();
        foreach (var label in expected._counts.Keys.Union(_counts.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected._counts.GetValueOrDefault(label);
            var got = _counts.GetValueOrDefault(label);
            if (want != got) differences.Add($"{label}: {expectedName} {want:N0}, {actualName} {got:N0}");
        }
        return differences;
    }
}
