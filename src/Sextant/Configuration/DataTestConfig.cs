using System.Collections.ObjectModel;

namespace Sextant.Configuration;

/// <summary>
/// One declared data test (an item of the <c>tests</c> list in sextant.yaml), with dbt's key
/// names so a dbt test block carries over; docs/TESTS.md describes each kind and its keys.
/// </summary>
public sealed record DataTestConfig
{
    /// <summary>The kinds of test, as the key <c>test</c> names them.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["not_null", "unique", "accepted_values", "relationships", "accepted_range", "expression", "row_count", "freshness", "recency"];

    /// <summary>The kinds that test one column (the others test the table).</summary>
    public static readonly IReadOnlyList<string> ColumnKinds = ["not_null", "unique", "accepted_values", "relationships", "accepted_range"];

    /// <summary>The severities (key <c>severity</c>).</summary>
    public static readonly IReadOnlyList<string> Severities = ["error", "warn"];

    /// <summary>The periods of freshness (key <c>period</c>) and recency (key <c>datepart</c>).</summary>
    public static readonly IReadOnlyList<string> Periods = ["minute", "hour", "day", "week"];

    /// <summary>The kind of test (key <c>test</c>): one of <see cref="Kinds"/>.</summary>
    public required string Test { get; init; }

    /// <summary>The table tested (key <c>table</c>): events, users, subscriptions, assignments or a result table.</summary>
    public required string Table { get; init; }

    /// <summary>The column tested (key <c>column</c>); null for table-level tests.</summary>
    public string? Column { get; init; }

    /// <summary>The test's name in check output (key <c>name</c>; default &lt;test&gt;_&lt;table&gt;[_&lt;column&gt;]).</summary>
    public required string Name { get; init; }

    /// <summary>True for <c>severity: warn</c>: a failure is reported as warn and does not fail the check.</summary>
    public bool WarnOnly { get; init; }

    /// <summary>An expression choosing the rows tested (key <c>where</c>); null tests every row.</summary>
    public string? Where { get; init; }

    /// <summary>Whether failing rows are written to a CSV file (key <c>store_failures</c>, default false).</summary>
    public bool StoreFailures { get; init; }

    /// <summary>accepted_values: the allowed values, compared as text (key <c>values</c>).</summary>
    public IReadOnlyList<string> Values { get; init; } = ReadOnlyCollection<string>.Empty;

    /// <summary>relationships: the table every value must appear in (key <c>to</c>; <c>ref('users')</c> is accepted).</summary>
    public string? To { get; init; }

    /// <summary>relationships: the column of <see cref="To"/> (key <c>field</c>).</summary>
    public string? Field { get; init; }

    /// <summary>accepted_range and row_count: the lower bound (key <c>min_value</c>), a number or for instants a date.</summary>
    public string? MinValue { get; init; }

    /// <summary>accepted_range and row_count: the upper bound (key <c>max_value</c>).</summary>
    public string? MaxValue { get; init; }

    /// <summary>accepted_range: whether the bounds are allowed values (key <c>inclusive</c>, default true).</summary>
    public bool Inclusive { get; init; } = true;

    /// <summary>expression: the condition every row must meet (key <c>expression</c>).</summary>
    public string? Expression { get; init; }

    /// <summary>freshness: the age past which the test warns (key <c>warn_after</c>).</summary>
    public TimeSpan? WarnAfter { get; init; }

    /// <summary>freshness: the age past which the test fails (key <c>error_after</c>).</summary>
    public TimeSpan? ErrorAfter { get; init; }

    /// <summary>freshness and recency: the instant column read (keys <c>loaded_at_field</c> and <c>field</c>; default the table's time column).</summary>
    public string? TimeField { get; init; }

    /// <summary>recency: how old the newest value may be (keys <c>datepart</c> and <c>interval</c>).</summary>
    public TimeSpan? Within { get; init; }

    /// <summary>The line of the item in sextant.yaml, for messages at run time.</summary>
    public long Line { get; init; }

    /// <summary>Where the test was declared, as messages name it: "test 'name' (sextant.yaml line 12)".</summary>
    public string Context { get; init; } = "";
}
