namespace Sextant.Analysis.Checks;

/// <summary>Outcome of one data-quality check.</summary>
public enum CheckStatus
{
    /// <summary>Nothing wrong.</summary>
    Pass,
    /// <summary>Worth a look, but analyses can run.</summary>
    Warn,
    /// <summary>The data break a rule analyses rely on.</summary>
    Fail,
}

/// <summary>One data-quality check: its name, status, how many rows fail it and why.</summary>
/// <param name="Name">Stable snake_case name.</param>
/// <param name="Status">pass, warn or fail.</param>
/// <param name="FailingRows">Rows (events, users or subscriptions) that break the rule.</param>
/// <param name="Message">What was checked and, when it fails, what to do.</param>
public sealed record CheckOutcome(string Name, CheckStatus Status, long FailingRows, string Message);

/// <summary>All checks run on a store.</summary>
/// <param name="Checks">Each check, in a fixed order.</param>
public sealed record CheckReport(IReadOnlyList<CheckOutcome> Checks)
{
    /// <summary>True when any check failed.</summary>
    public bool AnyFailed => Checks.Any(c => c.Status == CheckStatus.Fail);
}

/// <summary>What to check: accepted values per user attribute (empty = not checked).</summary>
/// <param name="AcceptedValues">Attribute (segment, channel, plan) → accepted values.</param>
/// <param name="Now">The current instant, for the "not in the future" rule.</param>
public sealed record CheckQuery(IReadOnlyDictionary<string, IReadOnlyList<string>> AcceptedValues, DateTimeOffset Now);
