using System.CommandLine;
using Sextant.Cli.Output;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Ingest.Vendors;
using Sextant.Serialization;
using Sextant.Storage;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant ingest FILE...</c>: read CSV / JSON-lines files into the store.</summary>
internal static class IngestCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var files = new Argument<string[]>("files") { Description = "CSV, TSV, JSON-lines or Parquet files (optionally .gz), or exports of Mixpanel, Amplitude, GA4, Segment or PostHog", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "Format of every file: auto, csv, jsonl, parquet, mixpanel, amplitude, ga4, segment, posthog (default: auto, from the extension and the first row)" };
        format.AcceptOnlyFromAmong(["auto", .. VendorFormats.Names]);
        var kind = new Option<string?>("--kind") { Description = "Record kind of every file: events, users, subscriptions or assignments (default: detected from the columns)" };
        kind.AcceptOnlyFromAmong("events", "users", "subscriptions", "assignments");
        var map = new Option<string[]>("--map") { Description = "Map a source column onto a canonical one: --map distinct_id=user_id (repeatable)", AllowMultipleArgumentsPerToken = false };
        var timezone = new Option<string?>("--timezone") { Description = "Zone of naive timestamps such as '2024-03-01 09:00:00' (default: ingest.timezone, UTC)" };
        var timeUnit = new Option<string?>("--time-unit") { Description = "Unit of numeric epoch timestamps: auto, s, ms, us, ns (default: auto by magnitude)" };
        var strict = new Option<bool>("--strict") { Description = "Fail and commit nothing from a file that has any bad row" };

        var where = new Option<string[]>("--where") { Description = "Keep only rows whose source column has this value: --where group=treatment (repeatable; all must hold)", AllowMultipleArgumentsPerToken = false };
        var decimalComma = new Option<bool>("--decimal-comma") { Description = "Revenue and MRR text uses a decimal comma: 12,50 (default: ingest.decimal_comma, off)" };
        var thousands = new Option<string?>("--thousands-separator") { Description = "Thousands separator of revenue and MRR text: , . ' _ or space (default: ingest.thousands_separator, none)" };
        var privacy = new PrivacyOptions();
        var command = new Command("ingest", "Read events, users, subscriptions or assignments into the store") { files, format, kind, map, timezone, timeUnit, strict, where, decimalComma, thousands };
        foreach (var option in privacy.All) command.Add(option);
        command.SetAction(result =>
        {
            var console = Terminal.For(result);
            var config = globals.LoadConfig(result);
            var options = BuildOptions(config, result.GetValue(kind), result.GetValue(map) ?? [], result.GetValue(timezone), result.GetValue(timeUnit), result.GetValue(strict)) with
            {
                Format = result.GetValue(format),
                Where = (result.GetValue(where) ?? []).Select(ParseWhere).ToList(),
                DecimalComma = result.GetValue(decimalComma) || config.Ingest.DecimalComma,
                ThousandsSeparator = result.GetValue(thousands) ?? config.Ingest.ThousandsSeparator,
                Privacy = privacy.Settings(result, config.Privacy),
            };
            var json = result.GetValue(globals.Json);
            var storePath = globals.StorePath(result, config);
            var paths = result.GetValue(files)!;
            IngestResult outcome;
            SnapshotOutcome? snapshot = null;
            var url = StoreUrl.Parse(storePath);
            IngestResult Run(IStoreWriter store)
            {
                var ingestor = new Ingestor(store, options, TimeProvider.System);
                return Terminal.IsInteractive && !json ? RunWithProgress(console, ingestor, paths) : ingestor.Ingest(paths);
            }
            if (url.IsWarehouse)
            {
                // A database keeps no table snapshot beside it: commands build the table from its rows.
                using var store = WarehouseStore.Open(url, create: true);
                outcome = Run(store);
            }
            else
            {
                using (var store = SqliteStore.Open(storePath, create: true)) outcome = Run(store);
                snapshot = TableSnapshot.Write(storePath);
            }

            if (json) ResultJson.Write(Terminal.Out(result), ToJson(outcome, snapshot));
            else
            {
                Print(console, outcome, options.Strict);
                if (snapshot is not null) SnapshotPrinter.Print(console, snapshot);
            }
            return outcome.AnyRolledBack ? Program.ExitFailed : Program.ExitOk;
        });
        return command;
    }

    private static (string Column, string Value) ParseWhere(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0
            ? throw new SextantException($"--where '{text}': expected SOURCE_COLUMN=VALUE, e.g. --where group=treatment")
            : (text[..equals].Trim(), text[(equals + 1)..]);
    }

    private static IngestOptions BuildOptions(SextantConfig config, string? kind, string[] maps, string? timezone, string? timeUnit, bool strict)
    {
        var explicitMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in maps)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == item.Length - 1)
                throw new SextantException($"--map '{item}': expected SOURCE_COLUMN=CANONICAL_COLUMN, e.g. --map distinct_id=user_id");
            explicitMap[item[..equals].Trim()] = item[(equals + 1)..].Trim();
        }
        return new IngestOptions
        {
            Kind = kind is null ? null : Enum.Parse<RecordKind>(kind, ignoreCase: true),
            Map = explicitMap,
            MapByKind = new Dictionary<RecordKind, IReadOnlyDictionary<string, string>>
            {
                [RecordKind.Events] = config.Ingest.Map.Events,
                [RecordKind.Users] = config.Ingest.Map.Users,
                [RecordKind.Subscriptions] = config.Ingest.Map.Subscriptions,
                [RecordKind.Assignments] = config.Ingest.Map.Assignments,
            },
            NaiveZone = timezone is null ? config.Ingest.TimeZone : FindZone(timezone),
            TimeUnit = TimestampParser.ParseUnit(timeUnit ?? config.Ingest.TimeUnit),
            Strict = strict,
            BatchSize = config.Ingest.BatchSize,
            QuarantinePath = config.Ingest.Quarantine,
        };
    }

    private static TimeZoneInfo FindZone(string name)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SextantException($"--timezone '{name}' is not an IANA time zone name (e.g. UTC, Europe/Berlin, America/New_York)", exception);
        }
    }

    private static IngestResult RunWithProgress(IAnsiConsole console, Ingestor ingestor, string[] paths)
    {
        IngestResult? outcome = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var tasks = paths.Select(path => context.AddTask(Markup.Escape(Path.GetFileName(path)), autoStart: false, maxValue: 1)).ToArray();
                var progress = new SynchronousProgress<IngestProgress>(update =>
                {
                    var task = tasks[update.FileIndex];
                    if (!task.IsStarted) task.StartTask();
                    task.MaxValue = Math.Max(1, update.TotalBytes);
                    task.Value = Math.Min(update.BytesRead, update.TotalBytes);
                    task.Description = $"{Markup.Escape(Path.GetFileName(update.File))} {Terminal.Number(update.RowsRead)} rows";
                });
                outcome = ingestor.Ingest(paths, progress);
                foreach (var task in tasks) task.Value = task.MaxValue;
            });
        return outcome!;
    }

    internal static object ToJson(IngestResult outcome, SnapshotOutcome? snapshot) => new
    {
        outcome.Read,
        outcome.Inserted,
        outcome.Updated,
        outcome.Duplicates,
        outcome.Quarantined,
        outcome.Filtered,
        outcome.RolledBack,
        outcome.QuarantineFile,
        Committed = !outcome.AnyRolledBack,
        Files = outcome.Files,
        TableSnapshot = snapshot is null ? null : SnapshotPrinter.Json(snapshot),
        Scrubbed = outcome.Scrubbed is { } scrubbed ? new { scrubbed.Emails, scrubbed.IpAddresses, scrubbed.PhoneNumbers } : null,
    };

    private static void Print(IAnsiConsole console, IngestResult outcome, bool strict)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("file", "format", "kind", "read", "inserted", "updated", "duplicates", "quarantined");
        foreach (var column in table.Columns.Skip(3)) column.RightAligned();
        foreach (var file in outcome.Files)
        {
            var kind = file.Format is "csv" or "jsonl" or "parquet" or null ? file.Kind.ToString().ToLowerInvariant() : "events, users";
            table.AddRow(Markup.Escape(file.File), file.Format ?? "", kind, Terminal.Number(file.Read),
                Terminal.Number(file.Inserted), Terminal.Number(file.Updated),
                Terminal.Number(file.Duplicates), Terminal.Number(file.Quarantined));
        }
        console.Write(table);
        if (outcome.Quarantined > 0)
            console.MarkupLine($"[yellow]{Terminal.Number(outcome.Quarantined)} bad rows[/] written to {Markup.Escape(outcome.QuarantineFile)} (file, line, reason, raw text).");
        foreach (var file in outcome.Files.Where(f => !f.Committed))
            console.MarkupLine($"[red]{Markup.Escape(file.File)}: nothing committed[/] — --strict and {Terminal.Number(file.Quarantined)} bad rows; {Terminal.Number(file.RolledBack)} good rows rolled back.");
        if (!strict && outcome.Quarantined == 0)
            console.MarkupLine(outcome.Filtered > 0
                ? $"[green]All rows accounted for[/]: read = inserted + updated + duplicates + quarantined + {Terminal.Number(outcome.Filtered)} left out by --where."
                : "[green]All rows accounted for[/]: read = inserted + updated + duplicates + quarantined.");
        if (outcome.Scrubbed is { } scrubbed)
            console.MarkupLine($"PII scrubbed: {Terminal.Number(scrubbed.Emails)} e-mail addresses, {Terminal.Number(scrubbed.IpAddresses)} IP addresses, {Terminal.Number(scrubbed.PhoneNumbers)} phone numbers.");
        var exposures = outcome.Files.Sum(f => f.ExposureAssignments);
        if (exposures > 0) console.MarkupLine($"{Terminal.Number(exposures)} assignments taken from $experiment_started events.");
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
