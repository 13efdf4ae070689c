using System.Globalization;
using Sextant.Analysis;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Storage.Warehouse;

namespace Sextant.Engine.Sql;

/// <summary>The values <c>sextant sql</c> writes into the scripts, each documented in the script's header.</summary>
/// <param name="TimeZone">IANA name of the project time zone (calendar periods, day N).</param>
/// <param name="Period">Retention cohort and cell period.</param>
/// <param name="Mode">Retention mode.</param>
/// <param name="Funnel">The funnel's steps and window (ordered).</param>
public sealed record SqlScriptParameters(string TimeZone, CalendarPeriod Period, RetentionMode Mode, FunnelQuery Funnel)
{
    /// <summary>The demo product's funnel (signup → … → upgrade) with the default 14-day window.</summary>
    public static FunnelQuery DemoFunnel { get; } = new(
        [.. Synthetic.ScenarioAnalyses.FunnelSteps.Select(step => new FunnelStep(step, [.. step.Split('|')]))], FunnelQuery.DefaultWindow);

    /// <summary>UTC, monthly on-retention, the demo funnel.</summary>
    public static SqlScriptParameters Defaults { get; } = new("UTC", CalendarPeriod.Month, RetentionMode.On, DemoFunnel);
}

/// <summary>One generated SQL file.</summary>
/// <param name="FileName">e.g. retention.sql.</param>
/// <param name="Text">Its header comment and statement.</param>
public sealed record SqlScript(string FileName, string Text);

/// <summary>
/// The pushed-down analyses as standalone SQL files (<c>sextant sql</c>), from the same builders
/// the SQL engine runs: a header says what the file computes, its parameters and how to run it;
/// the statement reads the contract tables of docs/WAREHOUSE.md and takes the data end as the
/// latest stored event.
/// </summary>
public static partial class SqlScripts
{
    private const string LatestEvent = "(SELECT max(ts) FROM sextant_events)";

    /// <summary>Every script for <paramref name="dialect"/>.</summary>
    public static IReadOnlyList<SqlScript> For(SqlDialect dialect, SqlScriptParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        FunnelMeasurer.Validate(parameters.Funnel);
        var sql = new SqlText(dialect);
        var zone = sql.Literal(parameters.TimeZone);
        var retention = new RetentionQuery(parameters.Period, parameters.Mode);
        var funnel = parameters.Funnel;
        var scripts = new List<SqlScript>
        {
            new("retention.sql", Header(dialect, "retention.sql", RetentionWhat,
                [
                    ("time zone", parameters.TimeZone, "UTC"),
                    ("period", Lower(parameters.Period), "month"),
                    ("mode", parameters.Mode == RetentionMode.On ? "on" : "on_or_after", "on"),
                    ("data end", "the latest event", "the latest event"),
                ]) + RetentionSql.Build(sql, retention, zone, LatestEvent) + ";\n"),
        };
        scripts.Add(new("funnel.sql", Header(dialect, "funnel.sql", FunnelWhat,
                [
                    ("steps", string.Join(", ", funnel.Steps.Select(s => string.Join('|', s.Events))), string.Join(", ", SqlScriptParameters.DemoFunnel.Steps.Select(s => string.Join('|', s.Events)))),
                    ("window", Micros(funnel.Window), Micros(FunnelQuery.DefaultWindow)),
                    ("order", "ordered", "ordered"),
                ]) + FunnelSql.Build(sql, funnel) + ";\n"));
        scripts.Add(new("revenue.sql", Header(dialect, "revenue.sql", RevenueWhat,
                [("time zone", parameters.TimeZone, "UTC"), ("data end", "the latest event", "the latest event")])
            + RevenueSql.Build(sql, new Analysis.Revenue.RevenueQuery(), zone, LatestEvent) + ";\n"));
        scripts.AddRange(EngagementScripts(sql, parameters.TimeZone));
        return scripts;
    }

    private const string RetentionWhat = """
        Retention of the signed-up users (SEMANTICS.md, Retention), as rows (part, a, b, n):
          users       n = signed-up users
          cohort_day  a = day number of the cohort start (days since 0001-01-01), n = users starting that day
          cell        a = cohort period, b = period active (on_or_after: latest period active), n = users
          day_n       a = N, b = cohort day number, n = users active on day N after their cohort start
        Periods are numbered as day numbers (day), Monday day number / 7 (week) or year * 12 + month - 1 (month).
        """;

    private const string FunnelWhat = """
        An ordered funnel (docs/FUNNELS.md) over every entity (users and never-identified visitors), as rows (part, a, b, n):
          depth     a = furthest step reached (1-based), n = entities
          previous  a = step index (0-based), b = microseconds from the previous step, n = entities
          start     a = step index, b = microseconds from step 1, n = entities
          excluded  n = entities removed by an exclusion event
        Timings come from the earliest attempt that reached each step.
        """;

    private const string RevenueWhat = """
        Revenue and LTV inputs (SEMANTICS.md, Revenue and LTV), as rows (part, currency, a, b, n, revenue); months are year * 12 + month - 1:
          events          a = earliest event instant (UTC µs), n = events
          currency        per currency: n = paying subscriptions (not trials, MRR above 0), a = earliest start up to the data end
          active          a = month, n = signed-up users with an event in it
          cohort          a = sign-up month, n = users
          retained        a = sign-up month, b = month of the latest event, n = users whose latest event is at or after their sign-up
          revenue         per currency: a = month, revenue = MRR prorated over the local days each subscription ran in it, n = paying users
          cohort_revenue  per currency: a = sign-up month, b = months since (0 also holds revenue from before sign-up), revenue as above
        The main currency has the most paying subscriptions (ties: ordinal order); the others' subscriptions are left out.
        """;

    private static string Header(SqlDialect dialect, string file, string what, (string Name, string Value, string Default)[] parameters)
    {
        var lines = new List<string> { $"{file}: written by `sextant sql --dialect {DialectName(dialect)}` from the engine's own builder." };
        lines.AddRange(what.Split('\n'));
        lines.Add("Parameters, written into the statement (default in brackets):");
        lines.AddRange(parameters.Select(p => $"  {p.Name,-10} {p.Value} [{p.Default}]"));
        lines.Add("Run: " + dialect switch
        {
            SqlDialect.PostgreSql => $"psql \"postgres://USER@HOST/DB\" -f {file}",
            SqlDialect.ClickHouse => $"clickhouse-client --database DB --max_query_size 10000000 --multiquery < {file}",
            _ => $"duckdb store.duckdb < {file}",
        });
        return string.Join("", lines.Select(line => ("-- " + line).TrimEnd() + "\n"));
    }

    /// <summary>The name <c>--dialect</c> takes.</summary>
    public static string DialectName(SqlDialect dialect) => dialect switch
    {
        SqlDialect.PostgreSql => "postgres",
        SqlDialect.ClickHouse => "clickhouse",
        _ => "duckdb",
    };

    private static string Lower(CalendarPeriod period) => period.ToString().ToLowerInvariant();

    private static string Micros(TimeSpan window) =>
        (window.Ticks / TimeSpan.TicksPerMicrosecond).ToString(CultureInfo.InvariantCulture) + " µs (" + window.TotalDays.ToString(CultureInfo.InvariantCulture) + " days)";
}
