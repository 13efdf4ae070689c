using Sextant.Analysis.Checks;
using Sextant.Analysis.DataTests;
using Sextant.Application;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Reports.Tables;
using Sextant.Storage;

namespace Sextant.Cli.Commands;

/// <summary>The tests of sextant.yaml as <c>sextant check</c> runs them, after the built-in checks.</summary>
internal static class DeclaredTests
{
    /// <summary>
    /// Runs the declared tests; result tables are computed (once) only when a test names one. On a
    /// damaged store no test runs: each is reported as failed, since its rows cannot be trusted. The
    /// events table reuses the event columns the built-in checks read (<paramref name="checkColumns"/>).
    /// </summary>
    /// <exception cref="SextantException">A test has the name of a built-in check, or names an unknown table or column.</exception>
    public static IReadOnlyList<CheckOutcome> Run(SextantConfig config, IEventStore store, string storePath, Lazy<EventTable> checkTable,
        Lazy<EventColumns> checkColumns, DataTestSettings settings, CheckReport builtIn)
    {
        // One name, one entry of the checks list: a test may not hide a built-in check.
        var builtInNames = builtIn.Checks.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (config.Tests.FirstOrDefault(t => builtInNames.Contains(t.Name)) is { } clash)
            throw new SextantException($"{clash.Context}: '{clash.Name}' is the name of a built-in check; give the test another 'name'");
        if (builtIn.Checks.Any(c => c.Name == "store_integrity" && c.Status == CheckStatus.Fail))
            return [.. config.Tests.Select(test => new CheckOutcome(test.Name, CheckStatus.Fail, 0, "not run: the store is damaged (see store_integrity)"))];
        return DataTestRunner.Run(config.Tests, store, () => checkColumns.Value, () => Results(config, storePath, checkTable), settings);
    }

    private static IReadOnlyList<ResultTable> Results(SextantConfig config, string storePath, Lazy<EventTable> checkTable)
    {
        // The checks' table is read in UTC; result tables need the project's zone, so another zone loads its own.
        var project = config.TimeZone == TimeZoneInfo.Utc ? Project.Over(checkTable.Value, config) : Project.Open(storePath, config);
        return ExportTables.Results(project.Report());
    }
}
