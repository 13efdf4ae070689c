using System.CommandLine;
using System.Globalization;
using Sextant.Cli.Output;
using Sextant.Connectors;
using Sextant.Connectors.Mock;
using Sextant.Ingest;
using Sextant.Serialization;
using Sextant.Storage.Snapshot;
using Sextant.Storage.Sqlite;
using Sextant.Storage.Warehouse;
using Sextant.Storage.Warehouse.Store;
using Spectre.Console;

namespace Sextant.Cli.Commands;

/// <summary><c>sextant pull mixpanel|amplitude|posthog --from D --to D</c>: stream a vendor's export API into the store, day by day.</summary>
internal static class PullCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var source = new Argument<string>("source") { Description = "The service to pull from: mixpanel, amplitude or posthog" };
        source.AcceptOnlyFromAmong([.. ConnectorEnvironment.Vendors]);
        var from = new Option<string>("--from") { Description = "First UTC day to pull (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "Last UTC day to pull, included (yyyy-MM-dd)", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "The API's address, e.g. https://data-eu.mixpanel.com (default: SEXTANT_<SOURCE>_BASE_URL, else the service's US host)" };
        var mock = new Option<bool>("--mock") { Description = "Pull generated data from a mock of the service started on loopback (no credentials needed)" };
        var refresh = new Option<bool>("--refresh") { Description = "Pull days again that an earlier pull finished" };
        var privacy = new PrivacyOptions();
        var command = new Command("pull", "Pull events from Mixpanel, Amplitude or PostHog's export API into the store (credentials from SEXTANT_* variables)")
        {
            source, from, to, baseUrl, mock, refresh,
        };
        foreach (var option in privacy.All) command.Add(option);
        command.SetAction(result =>
        {
            var vendor = result.GetValue(source)!;
            var first = Day(result.GetValue(from)!, "--from");
            var last = Day(result.GetValue(to)!, "--to");
            if (last < first) throw new SextantException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
            var config = globals.LoadConfig(result);
            var storePath = globals.StorePath(result, config);
            var json = result.GetValue(globals.Json);
            var options = new PullOptions { Refresh = result.GetValue(refresh) };
            // Pulled events pass the same privacy rules as ingested files, so a store stays pseudonymised throughout.
            var ingestOptions = new IngestOptions
            {
                BatchSize = config.Ingest.BatchSize,
                QuarantinePath = config.Ingest.Quarantine,
                Privacy = privacy.Settings(result, config.Privacy),
            };

            using var server = result.GetValue(mock) ? MockServer(vendor) : null;
            var settings = server is not null
                ? MockVendorServer.Settings(vendor, server.BaseUrl)
                : ConnectorEnvironment.Read(vendor, result.GetValue(baseUrl), Environment.GetEnvironmentVariable);
            using var http = PullJob.NewClient();
            var url = StoreUrl.Parse(storePath);
            PullResult outcome;
            SnapshotOutcome? snapshot = null;
            if (url.IsWarehouse)
            {
                using var store = WarehouseStore.Open(url, create: true);
                outcome = PullJob.Run(settings, store, ingestOptions, options, first, last, PullCheckpoints.PathFor(storePath, isFile: false), http, TimeProvider.System);
            }
            else
            {
                using (var store = SqliteStore.Open(storePath, create: true))
                    outcome = PullJob.Run(settings, store, ingestOptions, options, first, last, PullCheckpoints.PathFor(storePath, isFile: true), http, TimeProvider.System);
                if (outcome.Inserted > 0 || !File.Exists(TableSnapshot.PathFor(storePath))) snapshot = TableSnapshot.Write(storePath);
            }

            if (json) ResultJson.Write(Terminal.Out(result), ToJson(outcome, snapshot));
            else
            {
                Print(Terminal.For(result), outcome);
                if (snapshot is not null) SnapshotPrinter.Print(Terminal.For(result), snapshot);
            }
            if (outcome.Error is null) return Program.ExitOk;
            (result.InvocationConfiguration.Error ?? Console.Error).WriteLine($"sextant: {outcome.Error}");
            return Program.ExitUserError;
        });
        return command;
    }

    private static LoopbackHttpServer MockServer(string vendor)
    {
        var mock = new MockVendorServer(new MockJourneys(MockJourneys.DefaultSeed), MockVendorServer.MockAuthorization(vendor));
        return new LoopbackHttpServer(mock.Answer);
    }

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new SextantException($"{option} '{text}' is not a date (expected yyyy-MM-dd, e.g. 2024-03-01)");

    private static object ToJson(PullResult outcome, SnapshotOutcome? snapshot) => new
    {
        outcome.Source,
        outcome.Read,
        outcome.Inserted,
        outcome.Duplicates,
        outcome.Quarantined,
        outcome.Retries,
        outcome.CheckpointFile,
        outcome.QuarantineFile,
        outcome.Error,
        outcome.Days,
        TableSnapshot = snapshot is null ? null : SnapshotPrinter.Json(snapshot),
    };

    private static void Print(IAnsiConsole console, PullResult outcome)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("day", "read", "inserted", "updated", "duplicates", "quarantined", "retries", "checkpoint");
        foreach (var column in table.Columns.Skip(1).Take(6)) column.RightAligned();
        foreach (var day in outcome.Days)
        {
            table.AddRow(day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Terminal.Number(day.Read), Terminal.Number(day.Inserted),
                Terminal.Number(day.Updated), Terminal.Number(day.Duplicates), Terminal.Number(day.Quarantined), Terminal.Number(day.Retries), day.Checkpoint);
        }
        console.Write(table);
        if (outcome.Quarantined > 0)
            console.MarkupLine($"[yellow]{Terminal.Number(outcome.Quarantined)} bad items[/] written to {Markup.Escape(outcome.QuarantineFile)}.");
        console.MarkupLine($"Finished days are recorded in {Markup.Escape(outcome.CheckpointFile)}; --refresh pulls them again.");
    }
}
