using System.CommandLine;
using Sextant.Application;
using Sextant.Application.Requests;

namespace Sextant.Cli;

/// <summary>
/// The options every analysis command shares: --from, --to, --cohort and (where the analysis
/// has groups) a repeatable --breakdown with --limit (docs/QUERIES.md).
/// </summary>
internal sealed class ScopeOptions
{
    private readonly bool _breakdowns;
    private readonly int _defaultLimit;

    public ScopeOptions(bool breakdowns = true, int defaultLimit = RequestScope.DefaultLimit)
    {
        _breakdowns = breakdowns;
        _defaultLimit = defaultLimit;
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

    /// <summary>The options as request parameters (from, to, cohort, breakdown, limit).</summary>
    public IEnumerable<Option> Options => _breakdowns ? [From, To, Cohort, Breakdown, Limit] : [From, To, Cohort];

    /// <exception cref="SextantException">A date, cohort or breakdown is invalid.</exception>
    public RequestScope Read(ParseResult result, Project project) =>
        RequestScope.Read(project, RequestOptions.Read(result, Options), _breakdowns, _defaultLimit);
}
