using System.CommandLine;
using Sextant.Analysis;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Syntax;
using Sextant.Cli.Output;
using Sextant.Engine.Sql;
using Sextant.Serialization;
using Sextant.Storage.Warehouse;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary>
/// <c>sextant sql</c>: writes the pushed-down analyses as documented SQL files for one dialect,
/// from the same builders the SQL engine runs, to read or run in the database by hand.
/// </summary>
internal static class SqlCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var dialect = new Option<string>("--dialect") { Description = "postgres, clickhouse or duckdb", Required = true };
        dialect.AcceptOnlyFromAmong("postgres", "clickhouse", "duckdb");
        var output = new Option<string>("--out") { Description = "Directory to write the .sql files to", Required = true };
        var zone = new Option<string>("--timezone") { Description = "IANA time zone of calendar periods (default UTC)", DefaultValueFactory = _ => "UTC" };
        var period = new Option<string>("--period") { Description = "Retention period: day, week or month (default)", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong("day", "week", "month");
        var mode = new Option<string>("--mode") { Description = "Retention mode: on (default) or on_or_after", DefaultValueFactory = _ => "on" };
        mode.AcceptOnlyFromAmong("on", "on_or_after");
        var steps = new Option<string?>("--steps") { Description = "Funnel steps, e.g. signup,create_page,share_page|comment (default: the demo funnel)" };
        var window = new Option<string>("--window") { Description = "Funnel conversion window (default 14d)", DefaultValueFactory = _ => "14d" };
        var command = new Command("sql", "Write the pushed-down analyses as SQL files for PostgreSQL, ClickHouse or DuckDB") { dialect, output, zone, period, mode, steps, window };
        command.SetAction(result =>
        {
            var timeZone = result.GetValue(zone)!;
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) throw new SextantException($"--timezone '{timeZone}' is not a known IANA time zone");
            var funnel = SqlScriptParameters.DemoFunnel with { Window = DurationText.Parse(result.GetValue(window)!, "--window") };
            if (result.GetValue(steps) is { } stepsText) funnel = funnel with { Steps = FunnelStepText.ParseList(stepsText) };
            var parameters = new SqlScriptParameters(
                timeZone,
                Enum.Parse<CalendarPeriod>(result.GetValue(period)!, ignoreCase: true),
                result.GetValue(mode) == "on" ? RetentionMode.On : RetentionMode.OnOrAfter,
                funnel);
            var scripts = SqlScripts.For(Dialect(result.GetValue(dialect)!), parameters);
            var directory = result.GetValue(output)!;
            OutputFile.CreateDirectory(directory);
            var written = new List<string>();
            foreach (var script in scripts)
            {
                var path = Path.Combine(directory, script.FileName);
                OutputFile.WriteText(path, script.Text);
                written.Add(path);
            }
            if (result.GetValue(globals.Json))
            {
                ResultJson.Write(Terminal.Out(result), new { Files = written });
                return Program.ExitOk;
            }
            var console = Terminal.For(result);
            foreach (var path in written) console.MarkupLine($"wrote {Markup.Escape(path)}");
            return Program.ExitOk;
        });
        return command;
    }

    private static SqlDialect Dialect(string name) => name switch
    {
        "postgres" => SqlDialect.PostgreSql,
        "clickhouse" => SqlDialect.ClickHouse,
        _ => SqlDialect.DuckDb,
    };
}
