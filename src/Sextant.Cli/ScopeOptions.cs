using System.CommandLine;
using Sextant.Analysis;
using Sextant.Application;

namespace Sextant.Cli;

/// <summary>What an analysis command was asked to look at: range, cohort filter and breakdowns.</summary>
/// <param name="Range">--from / --to.</param>
/// <param name="Cohort">--cohort, or null.</param>
/// <param name="Breakdowns">--breakdown, up to three.</param>
/// <param name="Limit">--limit: groups kept before the rest are Other.</param>
internal sealed record Scope(TimeRange Range, Cohort? Cohort, ValueList<Breakdown> Breakdowns, int Limit);

/// <summary>
/// The options every analysis command shares: --from, --to, --cohort and (where the analysis
/// has groups) a repeatable --breakdown with --limit (docs/QUERIES.md).
/// </summary>
internal sealed class ScopeOptions
{
    private readonly bool _breakdowns;

    public ScopeOptions(bool breakdowns = true, int defaultLimit = 10)
    {
        _breakdowns = breakdowns;
        Limit = new("--limit") { Description = $"Breakdown groups shown before the rest are grouped as Other (default {defaultLimit})", DefaultValueFactory = _ => defaultLimit };
    }

    public Option<string?> From { get; } = new("--from") { Description = "First day (yyyy-MM-dd, project time zone) or instant included" };

    public Option<string?> To { get; } = new("--to") { Description = "Last day included (yyyy-MM-dd), or the instant the range ends before" };

    public Option<string?> Cohort { get; } = new("--cohort") { Description = "Only users in this cohort of sextant.yaml (cohorts:)" };

    public Option<string[]> Breakdown { get; } = new("--breakdown")
    {
        Description = "Group by a profile attribute (plan), an event property (event.platform) or a cohort (cohort.NAME); repeat up to 3 times",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int> Limit { get; }

    public void AddTo(Command command)
    {
        command.Add(From);
        command.Add(To);
        command.Add(Cohort);
        if (!_breakdowns) return;
        command.Add(Breakdown);
        command.Add(Limit);
    }

    /// <exception cref="SextantException">A date, cohort or breakdown is invalid.</exception>
    public Scope Read(ParseResult result, Project project)
    {
        var limit = _breakdowns ? result.GetValue(Limit) : 10;
        if (limit < 1) throw new SextantException($"--limit must be 1 or more, got {limit}");
        return new Scope(
            project.Range(result.GetValue(From), result.GetValue(To)),
            result.GetValue(Cohort) is { } name ? project.Cohort(name) : null,
            _breakdowns ? project.Breakdowns(result.GetValue(Breakdown)) : default,
            limit);
    }
}
