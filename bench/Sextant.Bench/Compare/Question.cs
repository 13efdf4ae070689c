namespace Sextant.Bench.Compare;

/// <summary>The three questions every engine answers, and the Sextant command that asks each.</summary>
internal enum Question
{
    Funnel,
    DailyActiveUsers,
    DailyRetention,
}
