using Sextant.Analysis;
using Sextant.Analysis.Growth;
using Sextant.Configuration;
using Sextant.Configuration.Queries;
using Sextant.Engine;
using Sextant.Engine.InMemory;
using Sextant.Events;

namespace Sextant.Application.Requests;

/// <summary>
/// The growth levers (<c>sextant growth</c>): the levers of sextant.yaml on measured baselines,
/// Monte Carlo impact with <c>draws</c> and <c>seed</c>, over <c>from</c> / <c>to</c> and
/// <c>cohort</c> (docs/GROWTH.md).
/// </summary>
public sealed class GrowthRequest : IAnalysisRequest
{
    /// <summary>Monte Carlo draws when none are asked for.</summary>
    public const int DefaultDraws = 10_000;

    /// <summary>The random seed when none is given.</summary>
    public const int DefaultSeed = 42;

    /// <inheritdoc/>
    public string Name => "growth";

    /// <inheritdoc/>
    public string Summary => "Growth levers: revenue impact ranges, ranking, 12-month compound projection, sensitivity";

    /// <inheritdoc/>
    public object Run(Project project, RequestParameters parameters) => Growth(project, parameters);

    /// <summary>The growth model of the parameters on the project's events.</summary>
    /// <exception cref="SextantException">A parameter is invalid, sextant.yaml lists no levers, or no user is active in the scope.</exception>
    public static GrowthResult Growth(Project project, RequestParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(parameters);
        var draws = parameters.Int("draws", DefaultDraws);
        if (draws is < 100 or > 10_000_000) throw RequestParameters.Invalid("draws", $"{parameters.Label("draws")} {draws} must be between 100 and 10,000,000");
        var seed = parameters.Int("seed", DefaultSeed);
        var scope = RequestScope.Read(project, parameters, breakdowns: false);
        parameters.RejectUnread("growth");
        return Model(project.Table, project.Config, draws, seed, scope.Range, scope.Cohort);
    }

    /// <summary>Measures the baselines and runs the model with the project's business assumptions.</summary>
    /// <exception cref="SextantException">sextant.yaml lists no levers, or no user is active in the range and cohort.</exception>
    public static GrowthResult Model(EventTable table, SextantConfig config, int draws, int seed, TimeRange range = default, Cohort? cohort = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        if (config.Growth.Levers.Count == 0)
            throw new SextantException("no growth levers to model: list them under growth.levers in sextant.yaml (name, moves, uplift; docs/GROWTH.md)");
        var query = GrowthQueries.FromConfig(config, draws, seed).Within(range, cohort);
        var growth = new InMemoryEngine(table).Run(query) with { Warnings = GrowthQueries.ConfigWarnings(table, query.Levers) };
        // A range or cohort without an active user would model every lever at $0: say so instead.
        if ((!range.IsAll || cohort is not null) && growth.Baseline.SampleMau == 0)
            throw new SextantException($"no active user in the chosen {(cohort is null ? "dates" : $"dates and cohort '{cohort.Name}'")}: nothing to model growth on");
        return growth;
    }
}
